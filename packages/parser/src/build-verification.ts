import { appendRepeated, repeatedPath } from './append-repeated.js';
import { buildTrackingEvents } from './build-tracking-events.js';
import type { ParseContext } from './parse-context.js';
import type { TrackingEvent } from './tracking-event.js';
import { opaqueText } from './unescape-raw.js';
import type { ExecutableResource, JavaScriptResource, Verification } from './verification.js';
import { type Mutable, type XNode, childrenOf, nameOf } from './xml-nodes.js';

const NONE: readonly TrackingEvent[] = Object.freeze([]);

/**
 * Builds the `<Verification>` children of `<AdVerifications>`. A verification without any
 * resource is reported (and kept: its tracking may still matter).
 * @internal
 */
export function buildVerifications(children: readonly XNode[], path: string, ctx: ParseContext): readonly Verification[] {
  const verifications: Verification[] = [];
  let index = 0;
  for (const node of children) {
    if (nameOf(node) !== 'Verification') continue;
    const here = `${path}/Verification[${index++}]`;
    const javascriptResources: JavaScriptResource[] = [];
    const executableResources: ExecutableResource[] = [];
    let parameters: string | undefined;
    let trackingEvents = NONE;
    let trackingBlocks = 0;
    for (const child of childrenOf(node)) {
      const name = nameOf(child);
      const attrs = ctx.attrs(child);
      if (name === 'JavaScriptResource') {
        const url = ctx.text(child);
        if (url === '') continue;
        const resource: Mutable<JavaScriptResource> = { url };
        if (attrs?.['apiFramework']) resource.apiFramework = attrs['apiFramework'];
        const browserOptional = ctx.boolean(attrs?.['browserOptional'], `${here}/${name}`, 'browserOptional');
        if (browserOptional !== undefined) resource.browserOptional = browserOptional;
        javascriptResources.push(Object.freeze(resource));
      } else if (name === 'ExecutableResource') {
        const url = ctx.text(child);
        if (url === '') continue;
        const resource: Mutable<ExecutableResource> = { url };
        if (attrs?.['apiFramework']) resource.apiFramework = attrs['apiFramework'];
        if (attrs?.['type']) resource.type = attrs['type'];
        if (attrs?.['language']) resource.language = attrs['language'];
        executableResources.push(Object.freeze(resource));
      } else if (name === 'VerificationParameters') {
        parameters = opaqueText(ctx.raw(child));
      } else if (name === 'TrackingEvents') {
        const at = repeatedPath(here, 'TrackingEvents', trackingBlocks);
        const events = buildTrackingEvents(childrenOf(child), at, ctx);
        trackingEvents = appendRepeated(trackingEvents, events, trackingBlocks++, at, 'TrackingEvents', ctx);
      }
    }
    if (javascriptResources.length === 0 && executableResources.length === 0) {
      ctx.problem(here, 'Verification has no JavaScriptResource or ExecutableResource');
    }
    const verification: Mutable<Verification> = {
      javascriptResources: Object.freeze(javascriptResources),
      executableResources: Object.freeze(executableResources),
      trackingEvents,
    };
    const vendor = ctx.attrs(node)?.['vendor'];
    if (vendor) verification.vendor = vendor;
    if (parameters !== undefined) verification.parameters = parameters;
    verifications.push(Object.freeze(verification));
  }
  return Object.freeze(verifications);
}
