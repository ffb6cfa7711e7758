import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

/** The workbench as an analyst sees it, for specs to drive by role and visible text. */
export class Workbench {
  readonly documents: Locator;
  readonly reader: Locator;
  readonly readerText: Locator;
  readonly claimList: Locator;
  readonly claimPanel: Locator;
  readonly saveStatus: Locator;

  constructor(readonly page: Page) {
    this.documents = page.getByRole('navigation', { name: 'Documents' });
    this.reader = page.getByRole('article', { name: 'Reader' });
    this.readerText = page.getByLabel('Document text');
    this.claimList = page.getByRole('region', { name: 'Claims in this document' });
    this.claimPanel = page.getByRole('region', { name: 'Selected claim' });
    this.saveStatus = page.locator('.save-indicator');
  }

  async open(url: string, annotator = 'Ada Analyst') {
    await this.page.goto(url);
    const name = this.page.getByLabel('Your name');
    await expect(name.or(this.readerText)).toBeVisible();
    if (await name.isVisible()) {
      await name.fill(annotator);
      await this.page.getByRole('button', { name: 'Start annotating' }).click();
    }
    await expect(this.readerText).toBeVisible();
  }

  async openDocument(title: string | RegExp) {
    await this.documents.getByRole('button', { name: title }).click();
    await expect(this.reader.getByRole('heading', { level: 1 })).toHaveText(title);
  }

  /**
   * Selects the `occurrence`-th appearance of `quote` in the reader, as a drag would: a DOM
   * selection over the rendered text nodes (which marks may have split).
   */
  async selectText(quote: string, occurrence = 0) {
    const found = await this.readerText.evaluate(
      (root, { quote, occurrence }) => {
        const nodes: Text[] = [];
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
        const all = nodes.map((n) => n.data).join('');
        let at = -1;
        for (let i = 0; i <= occurrence; i++) {
          at = all.indexOf(quote, at + 1);
          if (at < 0) return false;
        }
        const locate = (offset: number, preferEnd: boolean): [Text, number] => {
          let passed = 0;
          for (const node of nodes) {
            const end = passed + node.data.length;
            if (offset < end || (preferEnd && offset === end)) return [node, offset - passed];
            passed = end;
          }
          const last = nodes[nodes.length - 1] as Text;
          return [last, last.data.length];
        };
        const range = document.createRange();
        range.setStart(...locate(at, false));
        range.setEnd(...locate(at + quote.length, true));
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        return true;
      },
      { quote, occurrence },
    );
    expect(found, `"${quote}" is in the reader`).toBe(true);
    await expect(this.page.getByRole('toolbar', { name: 'Tag the selection' })).toBeVisible();
  }

  async tagSelection(quote: string, hotkey: string) {
    await this.selectText(quote);
    await this.page.keyboard.press(hotkey);
    await expect(this.claimItem(quote)).toBeVisible();
    await expect(this.saveStatus).toHaveText('All changes saved');
  }

  /** Exports through the dialog and returns the downloaded file's name and content. */
  async exportAs(
    formatId: string,
    options: { scope?: string | RegExp; includeTexts?: boolean; annotator?: string; layer?: string } = {},
  ) {
    await this.page.getByRole('button', { name: 'Export…' }).click();
    const dialog = this.page.getByRole('form', { name: 'Export annotations' });
    await dialog.getByLabel('Format').selectOption(formatId);
    if (options.scope) await dialog.getByRole('radio', { name: options.scope }).check();
    if (options.annotator) await dialog.getByLabel('Annotator', { exact: true }).selectOption(options.annotator);
    if (options.layer) await dialog.getByLabel('Layer').selectOption({ label: options.layer });
    if (options.includeTexts) await dialog.getByRole('checkbox', { name: /Include the documents' texts/ }).check();
    const download = this.page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const file = await download;
    const bytes = readFileSync(await file.path());
    return { name: file.suggestedFilename(), content: bytes.toString('utf8'), bytes };
  }

  /** Gives the open document a framing tag (toggled in the side panel). */
  async frame(tagLabel: string) {
    const panel = this.page.getByRole('region', { name: 'Document framing' });
    await panel.getByRole('button', { name: tagLabel }).click();
    await expect(panel.getByRole('button', { name: tagLabel })).toHaveAttribute('aria-pressed', 'true');
  }

  /** Makes the corpus code with another codebook, through the codebook dialog. */
  async chooseCodebook(from: string, to: RegExp) {
    await this.page.getByRole('button', { name: `Codebook: ${from}` }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Codebook' });
    await dialog.getByRole('radio', { name: to }).click();
    await expect(dialog.getByRole('radio', { name: to })).toBeChecked();
    await dialog.getByRole('button', { name: 'Close' }).click();
  }

  /** Chooses whose claims Annotate shows: 'Everyone', a colleague's name, or /^Me/. */
  async showClaimsOf(whose: string | RegExp) {
    const choice = this.page.getByLabel('Show claims of');
    const option = choice.getByRole('option', { name: whose });
    await choice.selectOption({ label: (await option.textContent()) ?? '' });
  }

  /** The claims list entries, each "Tag labels + quote". */
  claimItems() {
    return this.claimList.getByRole('listitem');
  }

  /** The claims-list entry whose quote is exactly `quote`. */
  claimItem(quote: string) {
    return this.claimItems().filter({ has: this.page.getByText(quote, { exact: true }) });
  }

  /** Where the `index`-th character of `quote` is drawn in the reader, for mouse drags. */
  async pointAt(quote: string, index: number): Promise<{ x: number; y: number }> {
    const point = await this.readerText.evaluate(
      (root, { quote, index }) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
        let offset = nodes
          .map((n) => n.data)
          .join('')
          .indexOf(quote);
        if (offset < 0) return null;
        offset += index;
        for (const node of nodes) {
          if (offset < node.data.length) {
            const range = document.createRange();
            range.setStart(node, offset);
            range.setEnd(node, offset + 1);
            const box = range.getBoundingClientRect();
            return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
          }
          offset -= node.data.length;
        }
        return null;
      },
      { quote, index },
    );
    expect(point, `"${quote}" is in the reader`).not.toBeNull();
    return point as { x: number; y: number };
  }

  /** Drags the mouse from one character to another, holding Alt when `exact`. */
  async drag(from: { x: number; y: number }, to: { x: number; y: number }, exact = false) {
    if (exact) await this.page.keyboard.down('Alt');
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x, to.y, { steps: 5 });
    await this.page.mouse.up();
    if (exact) await this.page.keyboard.up('Alt');
  }

  /** The selected claim's quote as the side panel shows it. */
  selectedQuote() {
    return this.claimPanel.locator('blockquote');
  }

  /** Rendered runs covered by more than one claim. */
  overlapRuns() {
    return this.readerText.locator('mark[data-claim-ids*=" "]');
  }
}
