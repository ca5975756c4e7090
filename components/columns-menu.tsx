"use client";
import { useEffect, useId, useState, type MouseEvent } from "react";
import { columnLabel, LOCKED_COLUMN, type ColumnId } from "@/lib/client/table-columns";
import { withColumnMoved, withColumnShown, type Density, type TablePrefs } from "@/lib/client/table-prefs";
import { buttonClass, labelClass } from "./filter-bar/styles";
import { usePopover } from "@/lib/client/use-popover";

interface ColumnsMenuProps {
  prefs: TablePrefs;
  onChange: (update: (prefs: TablePrefs) => TablePrefs) => void;
  onReset: () => void;
}

const DENSITIES: { value: Density; label: string }[] = [
  { value: "comfortable", label: "Comfortable" },
  { value: "compact", label: "Compact" },
];

/** The panel's width (w-72), which opens to the left of its button unless the screen has no room there. */
const PANEL_WIDTH = 288;

const moveClass = "inline-flex size-7 items-center justify-center rounded text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 disabled:opacity-30 dark:text-zinc-300 dark:hover:bg-zinc-800";

/**
 * The table's columns (shown or not, and their order) and its density, kept in this browser. A
 * disclosure panel in the header; every change is a checkbox or a button, so the keyboard does it
 * all. Esc or a click elsewhere closes it. The phone's cards have a layout of their own: no control there.
 */
export function ColumnsMenu({ prefs, onChange, onReset }: ColumnsMenuProps) {
  const { open, setOpen, root, toggle } = usePopover();
  const [moved, setMoved] = useState<{ id: ColumnId; step: -1 | 1 } | null>(null);
  const [openRight, setOpenRight] = useState(false);
  const panelId = useId();
  const hiddenCount = prefs.hidden.length;


  // A moved row is re-inserted in the list, which can take the focus from its button: give it back,
  // or to the other direction's button once the column reached the end.
  useEffect(() => {
    if (!moved || !root.current) return;
    const button = (step: number) => root.current?.querySelector<HTMLButtonElement>(`[data-move="${moved.id}:${step}"]`);
    const target = button(moved.step);
    (target && !target.disabled ? target : button(-moved.step))?.focus();
  }, [moved, root]);

  const move = (id: ColumnId, step: -1 | 1) => {
    onChange((current) => withColumnMoved(current, id, step));
    setMoved({ id, step });
  };
  const toggleOpen = (event: MouseEvent<HTMLButtonElement>) => {
    // Where the header wraps, the button can sit at the screen's left edge: the panel then opens to its right.
    setOpenRight(event.currentTarget.getBoundingClientRect().right < PANEL_WIDTH + 8);
    setOpen(!open);
  };
  const position = moved ? prefs.order.indexOf(moved.id) + 1 : 0;

  return (
    <div ref={root} className="relative max-sm:hidden">
      <button ref={toggle} type="button" className={buttonClass} aria-expanded={open} aria-controls={panelId} onClick={toggleOpen}
        data-testid="columns-toggle" title="Choose and order the table's columns, and its density (kept in this browser)">
        Columns{hiddenCount ? ` · ${hiddenCount} hidden` : ""}
      </button>
      {open ? (
        <div id={panelId} role="region" aria-label="Columns and density" data-testid="columns-menu"
          className={`absolute ${openRight ? "left-0" : "right-0"} top-full z-40 mt-1 max-h-[75vh] w-72 overflow-y-auto rounded-lg border border-zinc-300 bg-white p-3 text-zinc-900 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100`}>
          <fieldset>
            <legend className={labelClass}>Density</legend>
            <div className="mt-1 flex gap-3">
              {DENSITIES.map((density) => (
                <label key={density.value} className="flex items-center gap-1.5 text-sm">
                  <input type="radio" name={`${panelId}-density`} value={density.value} checked={prefs.density === density.value}
                    onChange={() => onChange((current) => ({ ...current, density: density.value }))} />
                  {density.label}
                </label>
              ))}
            </div>
          </fieldset>
          <h2 id={`${panelId}-columns`} className={`mt-3 ${labelClass}`}>Columns</h2>
          <ol aria-labelledby={`${panelId}-columns`} className="mt-1 space-y-0.5">
            {prefs.order.map((id, index) => {
              const label = columnLabel(id);
              const locked = id === LOCKED_COLUMN;
              return (
                <li key={id} className="flex items-center gap-1">
                  <label className="flex min-w-0 flex-1 items-center gap-2 rounded px-1 py-0.5 text-sm" title={locked ? "The task ID is always shown" : undefined}>
                    <input type="checkbox" checked={!prefs.hidden.includes(id)} disabled={locked}
                      onChange={(event) => onChange((current) => withColumnShown(current, id, event.target.checked))} />
                    <span className="truncate">{label}</span>
                  </label>
                  <button type="button" className={moveClass} aria-label={`Move ${label} up`} data-move={`${id}:-1`}
                    disabled={index === 0} onClick={() => move(id, -1)}>
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button type="button" className={moveClass} aria-label={`Move ${label} down`} data-move={`${id}:1`}
                    disabled={index === prefs.order.length - 1} onClick={() => move(id, 1)}>
                    <span aria-hidden="true">↓</span>
                  </button>
                </li>
              );
            })}
          </ol>
          <p role="status" className="sr-only">{moved ? `${columnLabel(moved.id)}: column ${position} of ${prefs.order.length}` : ""}</p>
          <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">Narrow screens leave out some columns whatever is chosen.</p>
          <div className="mt-3 flex items-center justify-between gap-2 border-t border-zinc-200 pt-2 dark:border-zinc-800">
            <span className="text-xs text-zinc-600 dark:text-zinc-400">Kept in this browser</span>
            <button type="button" className={buttonClass} onClick={() => { onReset(); setMoved(null); }}>Reset</button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
