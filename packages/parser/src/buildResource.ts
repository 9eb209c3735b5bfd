import type { Resource } from './Resource.js';
import { unescapeRaw } from './unescapeRaw.js';
import { type XNode, attrsOf, childrenOf, rawOf, textOf } from './xmlNodes.js';

/**
 * Builds a StaticResource, IFrameResource or HTMLResource element (`name` says which); empty
 * resources give `undefined`.
 * @internal
 */
export function buildResource(node: XNode, name: string): Resource | undefined {
  switch (name) {
    case 'StaticResource': {
      const url = textOf(childrenOf(node, name));
      if (url === '') return undefined;
      const creativeType = attrsOf(node)?.['creativeType'];
      return Object.freeze(
        creativeType === undefined || creativeType === ''
          ? { type: 'static' as const, url }
          : { type: 'static' as const, url, creativeType },
      );
    }
    case 'IFrameResource': {
      const url = textOf(childrenOf(node, name));
      return url === '' ? undefined : Object.freeze({ type: 'iframe' as const, url });
    }
    default: {
      const html = unescapeRaw(rawOf(childrenOf(node, name)));
      return html === '' ? undefined : Object.freeze({ type: 'html' as const, html });
    }
  }
}
