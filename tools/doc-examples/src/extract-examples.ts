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
  const examples: DocExample[] = [];
  let open: { fence: string; indent: number; language: string; info: string; start: number; body: string[] } | undefined;
  for (const [index, line] of markdown.split(/\r?\n/).entries()) {
    if (open === undefined) {
      open = openingFence(line, index + 2);
    } else if (isClosingFence(line, open.fence)) {
      if (TYPESCRIPT_LANGUAGES.has(open.language)) examples.push(toExample(open, file));
      open = undefined;
    } else {
      open.body.push(stripIndent(line, open.indent));
    }
  }
  if (open !== undefined && TYPESCRIPT_LANGUAGES.has(open.language)) examples.push(toExample(open, file));
  return examples;
}

/** A fence that opens a code block: its characters, indentation, language and the rest of its info. */
function openingFence(line: string, start: number) {
  const trimmed = line.trimStart();
  const char = trimmed.charAt(0);
  if (char !== '`' && char !== '~') return undefined;
  let width = 0;
  while (trimmed.charAt(width) === char) width += 1;
  if (width < 3) return undefined;
  const info = trimmed.slice(width).trim();
  const space = info.search(/\s/);
  return {
    fence: char.repeat(width),
    indent: line.length - trimmed.length,
    language: (space === -1 ? info : info.slice(0, space)).toLowerCase(),
    info: space === -1 ? '' : info.slice(space),
    start,
    body: [] as string[],
  };
}

/** The example of a block, checked unless its info carries the marker. */
function toExample(block: { info: string; start: number; body: string[] }, file: string): DocExample {
  const check = !block.info.trim().split(/\s+/).includes(NO_CHECK_MARKER);
  return { file, line: block.start, code: block.body.join('\n'), check };
}

/** A closing fence: the same character, at least as long, nothing after it. */
function isClosingFence(line: string, fence: string): boolean {
  const trimmed = line.trim();
  return trimmed.length >= fence.length && trimmed === fence.charAt(0).repeat(trimmed.length);
}

/** Removes up to `width` leading spaces (the fence's own indentation). */
function stripIndent(line: string, width: number): string {
  let cut = 0;
  while (cut < width && line[cut] === ' ') cut += 1;
  return line.slice(cut);
}
