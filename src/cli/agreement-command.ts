import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openCorpus } from '../main/services/corpus';
import { withoutMachineClaims } from '../shared/agreement/machine-claims';
import type { Coefficient } from '../shared/agreement/nominal';
import { agreementReport } from '../shared/agreement/report';
import type { AgreementReport, PairKappa } from '../shared/agreement/report-types';
import {
  claimSpans,
  type SpanScore,
  type TechniqueScores,
  techniqueScores,
} from '../shared/agreement/technique-span-f1';
import type { Annotation } from '../shared/model/annotation';
import { readAnnotationFiles } from './read-annotations';

export const AGREEMENT_USAGE = `  framing-workbench agreement FILE… [--corpus DIR] [--gold NAME] [--without-machine] [--json]
      Agreement between the annotators of the files (any supported format): span F1 (exact and
      overlap), Krippendorff's unitizing alpha, and on document labels (framing) the kappas and
      nominal alpha of each tag set as one category, alpha with MASI distance over the sets, and
      each tag's kappas and alpha. An annotator is named by the file's annotator fields, else by
      the file name. --gold NAME scores every other annotator against NAME's claims as
      SemEval-2020 Task 11 scored systems: partial-overlap precision, recall and F1, overall and
      per tag. --without-machine leaves out claims made by search or suggestion (coded from
      search hits, or accepted suggestions), as the files record them, and says how many.`;

/** The figures of a report in the stable summary shape the CLI promises; null where undefined. */
export function agreementSummary(report: AgreementReport) {
  const f1 = (section: AgreementReport['spanF1']['exact']) => ({
    overall: section.overall.f1,
    byTag: Object.fromEntries(Object.entries(section.byTag).map(([tag, value]) => [tag, value.f1])),
  });
  return {
    annotators: report.annotators,
    documents: report.documents,
    spanF1: { exact: f1(report.spanF1.exact), overlap: f1(report.spanF1.overlap) },
    unitizingAlpha: {
      overall: report.unitizingAlpha.overall.value,
      byTag: Object.fromEntries(Object.entries(report.unitizingAlpha.byTag).map(([tag, v]) => [tag, v.value])),
    },
    documentLabels: {
      cohenKappa: report.documentLabels.cohenKappa.map(({ a, b, value }) => ({ a, b, value })),
      fleissKappa: report.documentLabels.fleissKappa.value,
      krippendorffAlpha: report.documentLabels.krippendorffAlpha.value,
      masiAlpha: report.documentLabels.masiAlpha.value,
      byTag: Object.fromEntries(
        Object.entries(report.documentLabels.byTag).map(([tag, t]) => [
          tag,
          {
            cohenKappa: t.cohenKappa.map(({ a, b, value }) => ({ a, b, value })),
            fleissKappa: t.fleissKappa.value,
            krippendorffAlpha: t.krippendorffAlpha.value,
          },
        ]),
      ),
    },
    notes: report.notes,
  };
}

/** Each annotator's claims scored against the gold annotator's, as the shared task scored systems. */
function againstGold(annotations: readonly Annotation[], gold: string): Record<string, TechniqueScores> {
  const reference = claimSpans(annotations.filter((a) => a.annotator === gold));
  const others = [...new Set(annotations.map((a) => a.annotator))].filter((a) => a !== gold).sort();
  return Object.fromEntries(
    others.map((name) => [
      name,
      techniqueScores(claimSpans(annotations.filter((a) => a.annotator === name)), reference),
    ]),
  );
}

const show = (value: number | null) => (value === null ? 'undefined' : value.toFixed(3));

/** A coefficient with the number of documents it rests on. */
const withCount = (c: Coefficient) => `${show(c.value)} (n=${c.items})`;

/** The framing figures: each tag set as one category, MASI α over the sets, then tag by tag. */
function printDocumentLabels(labels: AgreementReport['documentLabels']) {
  const pairs = (list: readonly PairKappa[]) => list.map((k) => `  κ ${k.a}/${k.b} ${withCount(k)}`).join('');
  console.log(
    `framing (set as one category)  Fleiss κ ${withCount(labels.fleissKappa)}  α ${withCount(labels.krippendorffAlpha)}${pairs(labels.cohenKappa)}`,
  );
  console.log(`framing α (MASI)               ${withCount(labels.masiAlpha)}`);
  for (const [tag, t] of Object.entries(labels.byTag)) {
    console.log(
      `  ${tag.padEnd(24)} Fleiss κ ${withCount(t.fleissKappa)}  α ${withCount(t.krippendorffAlpha)}${pairs(t.cohenKappa)}`,
    );
  }
  const all = [
    ...labels.cohenKappa,
    labels.fleissKappa,
    labels.krippendorffAlpha,
    labels.masiAlpha,
    ...Object.values(labels.byTag).flatMap((t) => [...t.cohenKappa, t.fleissKappa, t.krippendorffAlpha]),
  ];
  const reasons = new Set(all.flatMap((c) => (c.value === null && c.note ? [c.note] : [])));
  for (const reason of reasons) console.log(`  undefined: ${reason}`);
}

export async function agreementCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      corpus: { type: 'string' },
      json: { type: 'boolean' },
      gold: { type: 'string' },
      'without-machine': { type: 'boolean' },
    },
  });
  if (positionals.length === 0) {
    console.error(`agreement needs at least one file\n\n${AGREEMENT_USAGE}`);
    return 2;
  }
  const corpus = values.corpus ? await openCorpus(resolve(values.corpus)) : undefined;
  const read = await readAnnotationFiles(positionals, corpus);
  if (!read) return 1;
  const { claims: imported, documentLabels } = read;
  const lengths = Object.fromEntries(read.documents.map((doc) => [doc.id, doc.text.length]));
  const counted = values['without-machine'] ? withoutMachineClaims(imported) : undefined;
  const annotations = counted?.claims ?? imported;
  const report = agreementReport({ annotations, documentLengths: lengths, documentLabels });
  const gold = values.gold;
  if (gold !== undefined && !annotations.some((a) => a.annotator === gold)) {
    console.error(`✗ no claims of "${gold}" to score against (annotators: ${report.annotators.join(', ')})`);
    return 1;
  }
  const summary = {
    ...agreementSummary(report),
    ...(counted && { machineClaimsLeftOut: counted.leftOut }),
    ...(gold === undefined ? {} : { againstGold: againstGold(annotations, gold) }),
  };
  if (values.json) {
    console.log(JSON.stringify(summary, null, 2));
    return 0;
  }
  console.log(`${summary.annotators.join(', ')} · ${summary.documents} documents`);
  if (counted) console.log(`${counted.leftOut} claim(s) made by search or suggestion left out`);
  console.log(`span F1 exact    ${show(summary.spanF1.exact.overall)}`);
  console.log(`span F1 overlap  ${show(summary.spanF1.overlap.overall)}`);
  console.log(`unitizing alpha  ${show(summary.unitizingAlpha.overall)}`);
  for (const tag of Object.keys(summary.spanF1.exact.byTag)) {
    console.log(
      `  ${tag.padEnd(24)} F1 exact ${show(summary.spanF1.exact.byTag[tag] ?? null)}  overlap ${show(summary.spanF1.overlap.byTag[tag] ?? null)}  α_u ${show(summary.unitizingAlpha.byTag[tag] ?? null)}`,
    );
  }
  if (documentLabels.length > 0) printDocumentLabels(report.documentLabels);
  for (const [annotator, scores] of Object.entries(summary.againstGold ?? {})) {
    const line = (s: SpanScore) => `P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}`;
    console.log(`${annotator} against ${gold} (SemEval-2020 Task 11 span measure): ${line(scores.overall)}`);
    for (const [tag, score] of Object.entries(scores.byTechnique)) console.log(`  ${tag.padEnd(24)} ${line(score)}`);
  }
  for (const note of summary.notes) console.log(`note: ${note}`);
  return 0;
}
