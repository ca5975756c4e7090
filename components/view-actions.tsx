"use client";
import { useCopied } from "./copy-button";
import { buttonClass, controlClass } from "./filter-bar/styles";
import { CheckIcon, LinkIcon, SnowflakeIcon } from "./icons";

interface ViewActionsProps {
  /** Whether any time filter is relative (now-…), i.e. whether Freeze would change anything. */
  canFreeze: boolean;
  onFreeze: () => void;
  zone: string;
  zones: string[];
  onZoneChange: (zone: string) => void;
}

/** Copy link (the URL is the whole view), Freeze (relative times become absolute) and the time zone. */
export function ViewActions({ canFreeze, onFreeze, zone, zones, onZoneChange }: ViewActionsProps) {
  const [copied, copy] = useCopied();
  const options = zones.includes(zone) ? zones : [...zones, zone];
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="time-zone" className="sr-only">Time zone</label>
      <select id="time-zone" value={zone} onChange={(event) => onZoneChange(event.target.value)} className={`${controlClass} w-40`} title="Time zone of the times shown">
        {options.map((option) => <option key={option} value={option}>{option === "local" ? "Local time" : option}</option>)}
      </select>
      <button type="button" className={buttonClass} onClick={onFreeze} disabled={!canFreeze}
        title={canFreeze ? "Turn 'last N hours' into fixed times, so the link shows this exact window later" : "No relative times to freeze"}>
        <SnowflakeIcon className="size-3.5" /> Freeze
      </button>
      <button type="button" className={buttonClass} onClick={() => copy(window.location.href)} aria-live="polite">
        {copied ? <CheckIcon className="size-3.5 text-emerald-600" /> : <LinkIcon className="size-3.5" />} {copied ? "Copied" : "Copy link"}
      </button>
    </div>
  );
}
