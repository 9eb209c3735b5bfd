/** The marker, after the language of a fence, that keeps an intentionally partial block out. */
export const NO_CHECK_MARKER = 'no-check';

/** The fence languages whose blocks are TypeScript examples. */
const TYPESCRIPT_LANGUAGES = new Set(['ts', 'typescript']);

/** One fenced TypeScript block of a Markdown file. */
export interface DocExample {
  /** The Markdown file, as given to {@link extractExamples}. */
  readonly file: string;
  /** The 1-based line of the block's first code line in that file. */
  readonly line: number;
  /** The code, with the fence's indentation removed. */
  readonly code: string;
  /** False when the fence carries {@link NO_CHECK_MARKER}: the block is shown, not checked. */
  readonly check: boolean;
}

/**
 * Finds every ```` ```ts ```` (or ```` ```typescript ````) block of a Markdown text, with the line
 * it starts on. Fences may be indented (inside a list item); the indentation is removed from the
 * code. Blocks of other languages are skipped, and so are their contents. An unclosed fence runs
 * to the end of the text, as in CommonMark.
 *
 * @param markdown - the Markdown text
 * @param file - the file name recorded on each example
 * @returns the TypeScript blocks in document order
 */
export function extractExamples(markdown: string, file: string): DocExample[] {
  const lines = markdown.split(/\r?\n/);
  const examples: DocExample[] = [];
  let index = 0;
  while (index < lines.length) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$/.exec(lines[index] ?? '');
    index += 1;
    if (open === null) continue;
    const [, indent = '', fence = '', language = '', rest = ''] = open;
    const body: string[] = [];
    const start = index;
    while (index < lines.length && !isClosingFence(lines[index] ?? '', fence)) {
      body.push(stripIndent(lines[index] ?? '', indent.length));
      index += 1;
    }
    index += 1; // the closing fence
    if (!TYPESCRIPT_LANGUAGES.has(language.toLowerCase())) continue;
    const check = !rest.split(/\s+/).includes(NO_CHECK_MARKER);
    examples.push({ file, line: start + 1, code: body.join('\n'), check });
  }
  return examples;
}

/** A closing fence: the same character, at least as long, nothing after it. */
function isClosingFence(line: string, fence: string): boolean {
  const trimmed = line.trim();
  return trimmed.length >= fence.length && trimmed === (fence[0] ?? '`').repeat(trimmed.length);
}

/** Removes up to `width` leading spaces (the fence's own indentation). */
function stripIndent(line: string, width: number): string {
  let cut = 0;
  while (cut < width && line[cut] === ' ') cut += 1;
  return line.slice(cut);
}
