// What the panels' stories share: the story parameters the preview reads, controls for the common
// attributes, an Actions-panel entry per event, waiting for a designed state, and the offline
// state with a warm cache.
import type { DspClient } from '@dsp-kit/fhir';
import { fixtures, type ScenarioName } from '@dsp-kit/mock';
import type { ArgTypes } from '@storybook/web-components-vite';
import { MemoryReadCache } from './memory-cache.js';
import { clientFor, useScenario } from './sandbox.js';

type InputType = NonNullable<ArgTypes[string]>;

/** The parameters `.storybook/preview.ts` reads for every story. */
export interface StoryParameters {
  /** The fixture user the story's client signs in as (`fixtures.users.*`); Dr Weber by default. */
  user?: string;
  /** The failure scenario the mock plays for this story (`scenarios` of `@dsp-kit/mock`). */
  scenario?: ScenarioName;
}

export const DEFAULT_USER = fixtures.users.weber;

/** The user a story names, else the default one. */
export function storyUser(parameters: StoryParameters): string {
  return parameters.user ?? DEFAULT_USER;
}

export const LANGUAGES = ['fr', 'de', 'en', 'lb'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Theme = 'light' | 'dark';

/**
 * A control for an attribute of the panel, listed under "attributes"; `attribute` keeps the
 * attribute's name, so a check can compare the controls with the component's manifest.
 */
export function attribute(name: string, description: string, control: InputType = {}): InputType {
  return {
    description: `\`${name}\`: ${description}`,
    table: { category: 'attributes' },
    attribute: name,
    ...control,
  };
}

/** A control for a property set from JavaScript only (an array, an object), under "properties". */
export function property(name: string, description: string, control: InputType = {}): InputType {
  return {
    description: `\`.${name}\`: ${description}`,
    table: { category: 'properties' },
    property: name,
    ...control,
  };
}

/** The attributes every panel has. */
export const commonArgTypes = {
  lang: attribute('lang', 'the language of the panel (an ancestor’s `lang` works too).', {
    control: 'inline-radio',
    options: LANGUAGES,
  }),
  theme: attribute('theme', '`light` or `dark`; the host’s tokens override either.', {
    control: 'inline-radio',
    options: ['light', 'dark'],
  }),
} satisfies Record<string, InputType>;

/** `dsp-document-select` → `onDspDocumentSelect`. */
export function handlerName(eventType: string): string {
  return `on${eventType
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('')}`;
}

/**
 * One arg per event the panel fires, given an action by Storybook so the Actions panel logs it;
 * the story's template listens with {@link detailOf}.
 */
export function eventArgTypes(...eventTypes: string[]): Record<string, InputType> {
  return Object.fromEntries(
    eventTypes.map((type) => [
      handlerName(type),
      { action: type, description: `\`${type}\``, table: { category: 'events' }, control: false },
    ]),
  );
}

/** An action arg (Storybook sets it from the event's argType). */
export type Listener = ((detail: unknown) => void) | undefined;

/** A listener logging the event's `detail` (what a host receives) to the story's action. */
export function detailOf(action: Listener): ((event: Event) => void) | undefined {
  if (!action) return undefined;
  return (event) => {
    action('detail' in event ? event.detail : undefined);
  };
}

/** The first element of `part` in the shadow root of the story's `tag`. */
function partIn(canvas: HTMLElement, tag: string, part: string): Element | null {
  return canvas.querySelector(tag)?.shadowRoot?.querySelector(`[part~="${part}"]`) ?? null;
}

/**
 * A play function waiting until the story's panel shows the part of the state the story is about,
 * so the accessibility checks that follow see that state and not the loading one. Fails, with the
 * part named, if it never comes.
 */
export function showsPart(tag: string, part: string, timeoutMs = 15_000) {
  return async ({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!partIn(canvasElement, tag, part)) {
      if (Date.now() > deadline) {
        throw new Error(`<${tag}> did not show [part~="${part}"] within ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
}

/**
 * A story loader for "offline, with what was read before": a client with a cache reads what
 * `warm` asks while the server answers, then the network goes down for the rest of the story.
 */
export function offlineWithCache(warm: (client: DspClient) => Promise<unknown>) {
  return async ({ parameters }: { parameters: object }) => {
    const cache = new MemoryReadCache();
    const client = clientFor(storyUser(parameters), { cache });
    await warm(client);
    if (cache.size === 0) throw new Error('The warm-up read left nothing in the cache.');
    useScenario('offline');
    return { client };
  };
}
