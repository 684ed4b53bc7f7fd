/**
 * Staff tables read as cards on a phone (styles/tables.css, below 37.5em): each cell shows its column's heading,
 * which this helper copies from the table's header row into the cell's `data-label`. Tables are built by many
 * elements, and their headings are translated after rendering and again when the language changes, so one observer
 * on the page relabels every `.data-table` whenever the page's content or text changes.
 */

function columnHeadings(table) {
  const rows = table.tHead?.rows;
  if (!rows?.length) return [];
  const headings = [];
  for (const cell of rows[rows.length - 1].cells) {
    const text = cell.textContent.trim().replace(/\s+/g, ' ');
    for (let span = 0; span < cell.colSpan; span++) headings.push(text);
  }
  return headings;
}

/** Sets `data-label` on every body and footer cell of `table` from the heading of its column. */
export function labelTable(table) {
  const headings = columnHeadings(table);
  if (!headings.length) return;
  for (const section of [...table.tBodies, ...(table.tFoot ? [table.tFoot] : [])]) {
    for (const row of section.rows) {
      let column = 0;
      for (const cell of row.cells) {
        const label = cell.colSpan === 1 ? headings[column] : '';
        if (label && cell.dataset.label !== label) cell.dataset.label = label;
        else if (!label && cell.hasAttribute('data-label')) cell.removeAttribute('data-label');
        column += cell.colSpan;
      }
    }
  }
}

/** Labels the tables in `root` now, and again after every change of content or text below it. */
export function labelTables(root = document.body) {
  const relabel = () => root.querySelectorAll('table.data-table').forEach(labelTable);
  let queued = false;
  // Attributes are not observed, so setting data-label does not wake the observer again.
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      relabel();
    });
  }).observe(root, { childList: true, subtree: true, characterData: true });
  relabel();
}
