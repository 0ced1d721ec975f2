// @dsp-kit/react will hold @lit/react wrappers for every panel. It exports nothing yet: until
// then, React 19 renders the custom elements directly (see the README).
export {};
