import type { ParseContext } from './ParseContext.js';
import type { Resource } from './Resource.js';
import { opaqueText } from './unescapeRaw.js';
import type { XNode } from './xmlNodes.js';

/**
 * Builds a StaticResource, IFrameResource or HTMLResource element (`name` says which); empty
 * resources give `undefined`.
 * @internal
 */
export function buildResource(node: XNode, name: string, ctx: ParseContext): Resource | undefined {
  switch (name) {
    case 'StaticResource': {
      const url = ctx.text(node);
      if (url === '') return undefined;
      const creativeType = ctx.attrs(node)?.['creativeType'];
      return Object.freeze(
        creativeType === undefined || creativeType === ''
          ? { type: 'static' as const, url }
          : { type: 'static' as const, url, creativeType },
      );
    }
    case 'IFrameResource': {
      const url = ctx.text(node);
      return url === '' ? undefined : Object.freeze({ type: 'iframe' as const, url });
    }
    default: {
      const html = opaqueText(ctx.raw(node));
      return html === '' ? undefined : Object.freeze({ type: 'html' as const, html });
    }
  }
}
