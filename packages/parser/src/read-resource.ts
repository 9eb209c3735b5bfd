import type { ParseContext } from './parse-context.js';
import type { Resource } from './resource.js';
import { opaqueText } from './unescape-raw.js';
import type { XNode } from './xml-nodes.js';

/**
 * Builds a StaticResource, IFrameResource or HTMLResource element (`name` says which); empty
 * resources give `undefined`.
 * @internal
 */
function buildResource(node: XNode, name: string, ctx: ParseContext): Resource | undefined {
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

/**
 * Adds `child` to `resources` when it is a StaticResource, IFrameResource or HTMLResource (an
 * empty one is left out): the resources of a Companion, a NonLinear and an Icon.
 * @returns `false` when `name` is not a resource's, for the caller to read the element itself
 * @internal
 */
export function readResource(child: XNode, name: string, resources: Resource[], ctx: ParseContext): boolean {
  if (name !== 'StaticResource' && name !== 'IFrameResource' && name !== 'HTMLResource') return false;
  const resource = buildResource(child, name, ctx);
  if (resource !== undefined) resources.push(resource);
  return true;
}
