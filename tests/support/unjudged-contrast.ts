import type { Page } from 'playwright-core';

/**
 * Text contrast where axe-core gives no verdict: over a gradient (the home and "me" headers, the card
 * faces) or partly over another element (a card face's light circle). axe lists such text as
 * "incomplete" and fails nothing: two chips of white text on a white veil over the blue header sat at 3.7:1
 * until a screenshot review saw them. Here the colours under the text are composed from axe's own element
 * stacks and colour functions, each gradient stop as a backdrop of its own, and the worst of them counts.
 * Text over a picture is still not judged (none is in the app); it is reported as such.
 */

/** axe's `messageKey`s of incomplete color-contrast nodes this check judges. */
const JUDGED_REASONS = new Set(['bgGradient', 'bgOverlap', 'elmPartiallyObscuring', 'elmPartiallyObscured']);

export interface UnjudgedNode {
  /** axe's CSS selector for the node (targets inside shadow roots are skipped). */
  selector: string;
  /** axe's required ratio for this text: 4.5, or 3 for large text. */
  expected: number;
}

export interface ContrastVerdict {
  selector: string;
  text: string;
  /** The lowest ratio over every backdrop under the text; null where a picture is under it. */
  worst: number | null;
  expected: number;
  foreground?: string;
  background?: string;
}

interface AxeContrastData {
  messageKey?: string;
  expectedContrastRatio?: string;
}

/** The incomplete color-contrast nodes of an axe run (with `resultTypes` including 'incomplete') this check can judge. */
export function unjudgedContrastNodes(
  incomplete: ReadonlyArray<{
    id: string;
    nodes: ReadonlyArray<{ target: unknown[]; any: ReadonlyArray<{ data?: unknown }> }>;
  }>,
): UnjudgedNode[] {
  const found: UnjudgedNode[] = [];
  for (const result of incomplete) {
    if (result.id !== 'color-contrast') continue;
    for (const node of result.nodes) {
      const data = (node.any[0]?.data ?? {}) as AxeContrastData;
      const [selector, ...deeper] = node.target;
      if (typeof selector !== 'string' || deeper.length > 0 || !JUDGED_REASONS.has(data.messageKey ?? '')) continue;
      found.push({
        selector,
        expected: Number.parseFloat(data.expectedContrastRatio ?? '4.5'),
      });
    }
  }
  return found;
}

/**
 * Judges each node in the page, where axe-core is already injected. Left out: text of a control that cannot
 * be used (WCAG sets it no contrast, like a "Next" greyed out until the form is filled) and text covered
 * wherever it is (under the sticky top of a scrolled page).
 */
export async function judgeContrast(page: Page, nodes: UnjudgedNode[]): Promise<ContrastVerdict[]> {
  if (nodes.length === 0) return [];
  return page.evaluate((nodes) => {
    interface AxeColor {
      alpha: number;
      parseString(text: string): AxeColor;
      toHexString(): string;
    }
    interface AxeColorCommons {
      Color: new (red?: number, green?: number, blue?: number, alpha?: number) => AxeColor;
      flattenColors(source: AxeColor, backdrop: AxeColor): AxeColor;
      getContrast(background: AxeColor, foreground: AxeColor): number;
    }
    const axe = (
      window as unknown as {
        axe: {
          setup(root: Node): unknown;
          teardown(): void;
          commons: { color: AxeColorCommons; dom: { getTextElementStack(node: Element): Element[][] } };
        };
      }
    ).axe;
    const { color, dom } = axe.commons;
    const parse = (text: string) => new color.Color().parseString(text);

    /** Every colour the text may sit on where this stack is under it, composed from the page up. */
    const backdropsOf = (stack: Element[], node: Element): AxeColor[] | null => {
      if (!stack.includes(node)) return [];
      const below = stack.slice(stack.indexOf(node)).reverse();
      let backdrops = [new color.Color(255, 255, 255, 1)];
      for (const element of below) {
        const style = getComputedStyle(element);
        const own = parse(style.backgroundColor);
        if (own.alpha > 0) backdrops = backdrops.map((backdrop) => color.flattenColors(own, backdrop));
        const image = style.backgroundImage;
        if (image === 'none') continue;
        if (image.includes('url(')) return null;
        const stops = (image.match(/rgba?\([^)]*\)/g) ?? []).map(parse);
        backdrops = backdrops.flatMap((backdrop) => stops.map((stop) => color.flattenColors(stop, backdrop)));
      }
      return backdrops;
    };

    // axe's functions read the tree it builds for a run, gone once the run ended.
    axe.setup(document);
    try {
      return nodes.map(judge).filter((verdict) => verdict !== null);
    } finally {
      axe.teardown();
    }

    function judge({ selector, expected }: { selector: string; expected: number }) {
      const node = document.querySelector(selector);
      if (!node || node.closest('[disabled], [aria-disabled="true"]')) return null;
      const text = ((node as HTMLElement).innerText ?? '').trim().slice(0, 40);
      // The text's colour, as faint as the opacity of it and its ancestors makes it.
      const textColor = parse(getComputedStyle(node).color);
      for (let element: Element | null = node; element; element = element.parentElement) {
        textColor.alpha *= Number.parseFloat(getComputedStyle(element).opacity);
      }
      let worst = Infinity;
      let foreground = '';
      let background = '';
      for (const stack of dom.getTextElementStack(node)) {
        const backdrops = backdropsOf(stack, node);
        if (!backdrops) return { selector, text, worst: null, expected };
        for (const backdrop of backdrops) {
          const fg = color.flattenColors(textColor, backdrop);
          const ratio = color.getContrast(backdrop, fg);
          if (ratio < worst) {
            worst = ratio;
            foreground = fg.toHexString();
            background = backdrop.toHexString();
          }
        }
      }
      if (worst === Infinity) return null;
      return { selector, text, worst: Math.floor(worst * 100) / 100, expected, foreground, background };
    }
  }, nodes);
}
