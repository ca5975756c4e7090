/** Where the chosen theme is remembered: "light", "dark", or absent for "follow the system". */
export const THEME_STORAGE_KEY = "theme";

/**
 * Runs before the first paint (inline in <head>), so a dark-mode reader never sees a white flash.
 * Kept tiny and dependency-free because it is inlined as text.
 */
export const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem("${THEME_STORAGE_KEY}");var d=t==="dark"||(t!=="light"&&matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.classList.toggle("dark",d);}catch(e){}})();`;
