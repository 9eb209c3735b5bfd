/**
 * A way of writing macros in a URL the expander recognises: `iab` (`[CACHEBUSTING]`), `percent`
 * (`%%CACHEBUSTING%%`), `dollar` (`${CACHEBUSTING}`) or `brace` (`{cachebusting}`). The same values
 * as `MacroSyntax` of `@vast/config`, declared here so the tracker needs no config at run time or
 * for its types.
 */
export type MacroSyntaxName = 'iab' | 'percent' | 'dollar' | 'brace';
