// Waits until a virtualized list has rendered what it will: the virtualizer renders a first batch
// of rows a frame after the list appears, and more once it has measured them (on a loaded
// machine, 5 or 9 rows first where 7 or 10 come).

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Resolves once the rows under `root` have stayed as many for two frames (at most 60 tries). */
export async function rowsSettled(root: ParentNode, selector = '[part~="row"]'): Promise<void> {
  const count = () => root.querySelectorAll(selector).length;
  let last = -1;
  for (let i = 0; i < 60 && last !== count(); i++) {
    last = count();
    await frame();
    await frame();
  }
}
