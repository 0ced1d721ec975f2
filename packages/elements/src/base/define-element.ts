// Registers a custom element once, and never fights another copy of the kit for a tag.

/**
 * Defines `tag` as `constructor`. A tag already held by this class is left alone; one held by
 * another class (another copy of DSP Kit on the page) is left to it, with a warning.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === undefined) {
    customElements.define(tag, constructor);
  } else if (existing !== constructor) {
    console.warn(`<${tag}> is already defined by another copy of DSP Kit; this one is not used.`);
  }
}
