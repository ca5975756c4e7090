"use client";
import { useEffect, useRef, useState, type InputHTMLAttributes, type Ref } from "react";
import { controlClass } from "./styles";

interface DebouncedInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "defaultValue"> {
  value: string | null;
  /** Called once typing pauses, with null for an empty box. */
  onCommit: (value: string | null) => void;
  delayMs?: number;
  inputRef?: Ref<HTMLInputElement>;
  /** Whether a typed value is acceptable; refused text stays in the box, marked, and is not committed. */
  isValid?: (value: string) => boolean;
}

/**
 * A text filter that writes to the URL only when typing pauses (and replaces the history entry,
 * so Back does not step through keystrokes). Enter commits at once.
 */
export function DebouncedInput({ value, onCommit, delayMs = 400, inputRef, isValid, className = "", ...rest }: DebouncedInputProps) {
  const [text, setText] = useState(value ?? "");
  const [shown, setShown] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // The URL changed under us (Back, a clicked file ID, Clear): show the new value.
  if (value !== shown) {
    setShown(value);
    setText(value ?? "");
  }
  useEffect(() => () => clearTimeout(timer.current), []);

  const trimmed = text.trim();
  const invalid = trimmed !== "" && isValid !== undefined && !isValid(trimmed);
  const commit = (next: string) => {
    clearTimeout(timer.current);
    const clean = next.trim();
    if (clean !== "" && isValid && !isValid(clean)) return;
    if ((clean || null) !== value) onCommit(clean || null);
  };

  return (
    <input {...rest} ref={inputRef} value={text} aria-invalid={invalid || undefined}
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => commit(next), delayMs);
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter") commit(text);
        if (event.key === "Escape") event.currentTarget.blur();
      }}
      className={`${controlClass} ${invalid ? "border-rose-500 dark:border-rose-400" : ""} ${className}`} />
  );
}
