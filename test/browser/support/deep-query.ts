// querySelector through open shadow roots, with no test-runner imports: the visual suite's plain
// fixture page uses it too.

/** querySelector that also looks inside open shadow roots, at any depth. */
export function deepQuery<T extends Element = HTMLElement>(
  root: ParentNode,
  selector: string,
): T | null {
  const direct = root.querySelector<T>(selector);
  if (direct) return direct;
  for (const el of root.querySelectorAll('*')) {
    const found = el.shadowRoot && deepQuery<T>(el.shadowRoot, selector);
    if (found) return found;
  }
  return null;
}
