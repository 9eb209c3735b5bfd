/** XML white space: space, line feed, tab, carriage return. @internal */
export function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}

/** Whether `text` from `from` to `to` (excluded) is white space only. @internal */
export function onlySpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}
