import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import type { DocExample } from './extract-examples.js';
import { PREAMBLE } from './preamble.js';

/** One type error in one example, located in its Markdown file. */
interface ExampleDiagnostic {
  /** The Markdown file. */
  readonly file: string;
  /** The 1-based line in the Markdown file. */
  readonly line: number;
  /** The 1-based column in that line of the block. */
  readonly column: number;
  /** The TypeScript error number, e.g. 2339. */
  readonly code: number;
  /** The compiler's message, flattened to one text. */
  readonly message: string;
}

/** What a check found. */
export interface CheckResult {
  /** Examples checked. */
  readonly checked: number;
  /** Examples left out with the `no-check` marker. */
  readonly skipped: number;
  /** Every error, in the order of the examples. */
  readonly diagnostics: readonly ExampleDiagnostic[];
}

/** Options of {@link checkExamples}. */
export interface CheckExamplesOptions {
  /**
   * The directory the examples are checked from, as if each were a module there: its
   * `node_modules` resolve the examples' imports. It needs a `package.json` with
   * `"type": "module"` (top-level `await`).
   */
  readonly baseDir: string;
  /** The tsconfig whose compiler options apply (its `customConditions` pick the sources). */
  readonly tsconfig: string;
  /** Global declarations every example sees; {@link PREAMBLE} by default. */
  readonly preamble?: string;
}

/**
 * Type-checks examples in one TypeScript program. Each example is a module of its own (so
 * top-level `await` works and names do not clash between examples) and sees the global
 * declarations of the preamble, which stand for the context a snippet assumes (`ad`, `config`...).
 * A name the example declares itself wins over the preamble's.
 *
 * @param examples - the examples; those with `check: false` are counted, not checked
 * @param options - where to resolve imports from, and the compiler options
 * @returns the errors, located in the Markdown files
 */
export function checkExamples(examples: readonly DocExample[], options: CheckExamplesOptions): CheckResult {
  const baseDir = resolve(options.baseDir);
  const virtualDir = join(baseDir, '.doc-examples');
  const files = new Map<string, { text: string; example: Pick<DocExample, 'file' | 'line'> }>();
  // A declaration file without imports is a script: its declarations are global.
  files.set(join(virtualDir, 'preamble.d.ts'), { text: options.preamble ?? PREAMBLE, example: { file: 'preamble', line: 1 } });
  const checked = examples.filter((example) => example.check);
  checked.forEach((example, index) => {
    // `export {}` makes every block a module, whatever it imports; it goes last so lines match.
    files.set(join(virtualDir, `example-${index}.ts`), { text: `${example.code}\nexport {};\n`, example });
  });

  const compilerOptions = readCompilerOptions(options.tsconfig);
  const host = ts.createCompilerHost(compilerOptions);
  const real = ts.createCompilerHost(compilerOptions);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const virtual = files.get(resolve(fileName));
    if (virtual !== undefined) return ts.createSourceFile(fileName, virtual.text, languageVersion, true);
    return real.getSourceFile(fileName, languageVersion, onError, shouldCreate);
  };
  host.fileExists = (fileName) => files.has(resolve(fileName)) || real.fileExists(fileName);

  const program = ts.createProgram({ rootNames: [...files.keys()], options: compilerOptions, host });
  const diagnostics: ExampleDiagnostic[] = [];
  for (const [fileName, { example }] of files) {
    const sourceFile = program.getSourceFile(fileName);
    /* v8 ignore next -- every root file is in the program */
    if (sourceFile === undefined) continue;
    const found = [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
    for (const diagnostic of found) {
      // A file's syntactic and semantic diagnostics always have a position.
      const { line, character } = sourceFile.getLineAndCharacterOfPosition(diagnostic.start ?? /* v8 ignore next */ 0);
      diagnostics.push({
        file: example.file,
        line: example.line + line,
        column: character + 1,
        code: diagnostic.code,
        message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
      });
    }
  }
  return { checked: checked.length, skipped: examples.length - checked.length, diagnostics };
}

/** The compiler options of a tsconfig (with `extends` followed), for checking without output. */
function readCompilerOptions(tsconfig: string): ts.CompilerOptions {
  const read = ts.readConfigFile(tsconfig, (path) => ts.sys.readFile(path));
  if (read.error !== undefined) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(resolve(tsconfig)));
  // skipLibCheck off so the preamble (a .d.ts) is checked; only our files' diagnostics are asked for.
  return { ...parsed.options, noEmit: true, declaration: false, declarationMap: false, sourceMap: false, composite: false, skipLibCheck: false };
}
