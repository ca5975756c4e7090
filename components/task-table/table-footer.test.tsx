import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ListEnd } from "./table-footer";

const noop = () => {};
const render = (props: Partial<Parameters<typeof ListEnd>[0]>) =>
  renderToStaticMarkup(<ListEnd count={2_500} hasNextPage={false} loading={false} error={null} onLoadMore={noop} scanning={false} {...props} />);

describe("the end of the task list", () => {
  it("spins only while a page is actually loading", () => {
    const loading = render({ hasNextPage: true, loading: true });
    expect(loading).toContain('data-testid="list-loading"');
    expect(loading).toContain("animate-spin");
    expect(loading).toContain("Loading more tasks…");
  });

  it("is still when more pages exist but none is loading: an idle animation below the screen costs a frame every 16 ms", () => {
    const idle = render({ hasNextPage: true });
    expect(idle).toContain('data-testid="list-more"');
    expect(idle).not.toMatch(/animate-/);
    expect(idle).toContain("2,500 tasks loaded");
    expect(idle).toContain(">Load more</button>");
  });

  it("says what a type scan is doing while it loads", () => {
    expect(render({ hasNextPage: true, loading: true, scanning: true })).toContain("Looking through older tasks for this type…");
    const far = render({ count: 3, hasNextPage: true, loading: true, scanning: true, scannedThrough: "2026-12-03T04:12:00Z", zone: "UTC" });
    expect(far).toContain("Looked through tasks back to 2026-12-03 04:12:00 so far. 3 found.");
    expect(render({ count: 0, scanning: true })).toContain("the whole window was looked through");
  });

  it("names the failure and offers a retry, loading or not", () => {
    const failed = render({ hasNextPage: true, loading: true, error: new Error("socket hang up") });
    expect(failed).toContain('role="alert"');
    expect(failed).toContain("socket hang up");
    expect(failed).not.toMatch(/animate-/);
  });

  it("marks the end of the list with its count", () => {
    const end = render({ count: 1 });
    expect(end).toContain('data-testid="list-end"');
    expect(end).toContain("End of list · 1 task");
  });
});
