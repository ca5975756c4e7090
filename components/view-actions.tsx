"use client";
import { useCopied } from "./copy-button";
import { buttonClass, controlClass } from "./filter-bar/styles";
import { CheckIcon, LinkIcon, SnowflakeIcon } from "./icons";

interface ViewActionsProps {
  /** Whether the window already has both ends absolute, i.e. Freeze would change nothing. */
  frozen: boolean;
  onFreeze: () => void;
  zone: string;
  zones: string[];
  onZoneChange: (zone: string) => void;
}

/** Copy link (the URL is the whole view), Freeze (both ends of the window become absolute times) and the time zone. */
export function ViewActions({ frozen, onFreeze, zone, zones, onZoneChange }: ViewActionsProps) {
  const [copied, copy] = useCopied();
  const options = zones.includes(zone) ? zones : [...zones, zone];
  return (
    // Its controls join the header's own row, so they wrap one by one beside the others on a narrow screen.
    <div className="contents">
      <label htmlFor="time-zone" className="sr-only">Time zone</label>
      <select id="time-zone" value={zone} onChange={(event) => onZoneChange(event.target.value)} className={`${controlClass} w-36`} title="Time zone of the times shown">
        {options.map((option) => <option key={option} value={option}>{option === "local" ? "Local time" : option}</option>)}
      </select>
      <button type="button" className={buttonClass} onClick={onFreeze} disabled={frozen}
        title={frozen ? "The window already has fixed start and end times" : "Fix the window's start and end to absolute times, so the link shows these exact tasks later"}>
        <SnowflakeIcon className="size-3.5" /> {frozen ? "Frozen" : "Freeze"}
      </button>
      <button type="button" className={buttonClass} onClick={() => copy(window.location.href)} aria-live="polite">
        {copied ? <CheckIcon className="size-3.5 text-emerald-600" /> : <LinkIcon className="size-3.5" />} {copied ? "Copied" : "Copy link"}
      </button>
    </div>
  );
}
