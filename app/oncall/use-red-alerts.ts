"use client";
import { useCallback, useEffect, useRef, useSyncExternalStore } from "react";
import { turnedRed } from "@/lib/oncall/screen-state";
import type { OncallState } from "@/lib/oncall/types";

const STORAGE_KEY = "oncall-alerts";
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

const permissionNow = (): NotificationPermission | "unsupported" => (typeof Notification === "undefined" ? "unsupported" : Notification.permission);
const enabledNow = () => permissionNow() === "granted" && localStorage.getItem(STORAGE_KEY) === "on";
const changed = () => listeners.forEach((listener) => listener());

/**
 * Opt-in browser notifications when the state turns red. Nothing is asked or shown until the
 * button is pressed; the choice is remembered per browser, and the browser's own permission wins.
 */
export function useRedAlerts(state: OncallState | null, summary: string) {
  const permission = useSyncExternalStore(subscribe, permissionNow, () => "unsupported" as const);
  const enabled = useSyncExternalStore(subscribe, enabledNow, () => false);
  const previous = useRef<OncallState | undefined>(undefined);

  useEffect(() => {
    if (state === null) return;
    if (enabled && turnedRed(previous.current, state)) {
      new Notification("VOD on-call: red", { body: summary, tag: "vod-oncall" });
    }
    previous.current = state;
  }, [state, enabled, summary]);

  const toggle = useCallback(async () => {
    if (enabledNow()) {
      localStorage.removeItem(STORAGE_KEY);
    } else if ((await Notification.requestPermission()) === "granted") {
      localStorage.setItem(STORAGE_KEY, "on");
    }
    changed();
  }, []);

  return { supported: permission !== "unsupported", permission, enabled, toggle };
}
