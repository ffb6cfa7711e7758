// `npm run security`: Electronegativity, Electron's security scanner, over src/. Fails on any
// HIGH or MEDIUM finding that security/electronegativity-allowlist.json does not list with a
// reviewed reason, on an allow-list entry that no longer matches a finding, and on a file the
// scanner could not parse (a file it did not read is a file it did not check).
//
// It runs offline and gives the same answer on every machine: the scanner's two network calls
// (translations of its messages, and Electron's release list for its "outdated Electron" check)
// are answered "not found" without leaving the process, the Electron version is the one
// package.json pins rather than a guess, and the outdated-Electron check, which needs that
// release list, is left out.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const input = join(root, 'src');
const allowListFile = join(root, 'security', 'electronegativity-allowlist.json');
const GATED = new Set(['HIGH', 'MEDIUM']);

const require = createRequire(import.meta.url);
const scannerMain = require.resolve('@doyensec/electronegativity');
const gotPath = require.resolve('got', { paths: [dirname(scannerMain)] });
require.cache[gotPath] = {
  id: gotPath,
  filename: gotPath,
  loaded: true,
  exports: async () => ({ statusCode: 404, body: '' }),
};
process.env.LANG = 'en-US';
const runScanner = require(scannerMain);

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const electronVersion = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
if (!/^\d+\.\d+\.\d+$/.test(electronVersion ?? '')) {
  fail([`package.json must pin electron to an exact version for the scan; it has ${electronVersion}.`]);
}

const allowList = readAllowList();
const result = await runScanner({
  input,
  isRelative: true,
  electronVersionOverride: electronVersion,
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  parserPlugins: [],
});

const problems = [];
for (const error of result.errors.filter((e) => !e.tolerable)) {
  problems.push(`could not parse ${relative(root, error.file)}: ${error.message}`);
}

const findings = result.issues.map((issue) => ({
  check: issue.id,
  severity: issue.severity.name,
  confidence: issue.confidence.name,
  // From the repository root, as the allow-list names files; a global finding ("no CSP
  // anywhere") has none, and the scanner says N/A.
  file: issue.file === 'N/A' ? 'N/A' : `src/${issue.file.replaceAll('\\', '/')}`,
  where: issue.file === 'N/A' ? 'src/' : `src/${issue.file.replaceAll('\\', '/')}:${issue.location.line}`,
  description: issue.description,
}));
const allowedBy = (finding) => allowList.find((entry) => entry.check === finding.check && entry.file === finding.file);

const gated = findings.filter((finding) => GATED.has(finding.severity));
for (const finding of gated.filter((f) => !allowedBy(f))) {
  problems.push(
    `${finding.severity} ${finding.check} at ${finding.where}: ${finding.description}` +
      ` (https://github.com/doyensec/electronegativity/wiki/${finding.check})`,
  );
}
for (const entry of allowList.filter((e) => !gated.some((f) => allowedBy(f) === e))) {
  problems.push(`allow-list entry ${entry.check} in ${entry.file} matches no HIGH or MEDIUM finding: remove it.`);
}

const counts = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL']
  .map((severity) => `${findings.filter((f) => f.severity === severity).length} ${severity}`)
  .join(', ');
console.log(
  `Electronegativity ${require('@doyensec/electronegativity/package.json').version} on src/ (Electron ${electronVersion}, ` +
    `${result.atomicChecks + result.globalChecks} checks): ${counts}; ${gated.filter(allowedBy).length} allow-listed.`,
);
for (const finding of findings.filter((f) => !GATED.has(f.severity))) {
  console.log(`  note: ${finding.severity} ${finding.check} at ${finding.where}: ${finding.description}`);
}
if (problems.length > 0) fail(problems);

function readAllowList() {
  const entries = JSON.parse(readFileSync(allowListFile, 'utf8'));
  const bad = Array.isArray(entries)
    ? entries.filter(
        (e) =>
          typeof e?.check !== 'string' ||
          typeof e.file !== 'string' ||
          typeof e.reason !== 'string' ||
          e.reason.trim() === '',
      )
    : [entries];
  if (bad.length > 0) {
    fail([
      `${relative(root, allowListFile)} must be an array of { "check", "file", "reason" } with a reason for each;` +
        ` not ${JSON.stringify(bad[0])}.`,
    ]);
  }
  return entries;
}

function fail(lines) {
  console.error(`npm run security failed:\n${lines.map((line) => `  ${line}`).join('\n')}`);
  process.exit(1);
}
