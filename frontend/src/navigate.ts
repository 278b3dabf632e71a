// In-panel navigation through Home Assistant's router, so the browser's back and forward work.

export const PANEL_PATH = "/aime";

export function navigate(path: string, replace = false): void {
  if (replace) {
    history.replaceState(null, "", path);
  } else {
    history.pushState(null, "", path);
  }
  window.dispatchEvent(new CustomEvent("location-changed", { detail: { replace } }));
}

export const albumPath = (albumId: number): string => `${PANEL_PATH}/album/${albumId}`;
export const artistPath = (artistId: number): string => `${PANEL_PATH}/artist/${artistId}`;

/** Follows an in-panel link without reloading the page; modifier clicks open a new tab as usual. */
export function followLink(event: MouseEvent): void {
  const anchor = event.currentTarget as HTMLAnchorElement | null;
  if (!anchor || event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(anchor.getAttribute("href") ?? PANEL_PATH);
}
