/** The class that sets --text-scale (app.scss `.text-large`); its own module so both platform files can import it. */
export const TEXT_LARGE_CLASS = 'text-large';
