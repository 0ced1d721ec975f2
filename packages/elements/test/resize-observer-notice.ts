// The virtualizer's ResizeObserver may report a benign "loop completed" notice as a window error:
// importing this module keeps it from failing a test.
window.addEventListener(
  'error',
  (event) => {
    if (event.message.startsWith('ResizeObserver loop')) event.stopImmediatePropagation();
  },
  true,
);
