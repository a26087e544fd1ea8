/**
 * Tailwind CSS v4 through its PostCSS plugin: it reads app/globals.css and the
 * sources it names, and needs no network (no fonts, no remote assets).
 */
export default {
  plugins: { '@tailwindcss/postcss': {} },
};
