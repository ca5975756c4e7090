"use client";
import { useLayoutEffect, useState, type RefObject } from "react";

/**
 * The height an element takes at the top of the screen while it sticks there: its height while
 * it is `position: sticky`, 0 where the layout lets it scroll away (on a phone). The bar wraps
 * onto more lines on narrower screens, so what sticks under it reads this rather than a constant.
 */
export function useStickyHeight(ref: RefObject<HTMLElement | null>, serverValue: number): number {
  const [height, setHeight] = useState(serverValue);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setHeight(getComputedStyle(element).position === "sticky" ? element.offsetHeight : 0);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    window.addEventListener("resize", measure);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", measure);
    };
  }, [ref]);
  return height;
}
