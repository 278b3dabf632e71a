// Styles every AIME view shares; colours come from Home Assistant's theme, so light and dark both work.
import { css } from "lit";

export const sharedStyles = css`
  :host {
    display: block;
    color: var(--primary-text-color);
    font-family: var(--ha-font-family-body, var(--paper-font-body1_-_font-family, Roboto, sans-serif));
  }
  .card {
    background: var(--ha-card-background, var(--card-background-color, #fff));
    border-radius: var(--ha-card-border-radius, 12px);
    border: var(--ha-card-border-width, 1px) solid var(--ha-card-border-color, var(--divider-color, #e0e0e0));
    padding: 16px;
    box-sizing: border-box;
  }
  h1,
  h2,
  h3 {
    margin: 0 0 8px;
    font-weight: 500;
  }
  h2 {
    font-size: 1.25rem;
  }
  h3 {
    font-size: 1.05rem;
  }
  .secondary {
    color: var(--secondary-text-color);
  }
  .muted {
    color: var(--secondary-text-color);
    font-size: 0.875rem;
  }
  a {
    color: var(--primary-color);
    text-decoration: none;
  }
  a:hover {
    text-decoration: underline;
  }
  button,
  .button {
    font: inherit;
    color: var(--primary-text-color);
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.12));
    border: 1px solid var(--divider-color, #ccc);
    border-radius: 8px;
    padding: 6px 12px;
    cursor: pointer;
    min-height: 36px;
  }
  button.primary {
    background: var(--primary-color);
    color: var(--text-primary-color, #fff);
    border-color: var(--primary-color);
  }
  button[disabled] {
    opacity: 0.5;
    cursor: default;
  }
  button.icon {
    background: none;
    border: none;
    padding: 6px;
    min-width: 40px;
    min-height: 40px;
    border-radius: 50%;
  }
  :focus-visible {
    outline: 2px solid var(--primary-color);
    outline-offset: 2px;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--primary-text-color);
    background: var(--card-background-color, #fff);
    border: 1px solid var(--divider-color, #ccc);
    border-radius: 8px;
    padding: 6px 10px;
    min-height: 36px;
    box-sizing: border-box;
    max-width: 100%;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
    margin-bottom: 12px;
  }
  .grid {
    display: grid;
    gap: 16px;
    grid-template-columns: repeat(auto-fill, minmax(280px, 1fr));
  }
  /* A title over two lines at most, cut with an ellipsis. */
  .two-lines {
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
    overflow-wrap: anywhere;
    line-height: 1.3;
  }
  /* Placeholders while data loads: one soft pulse everywhere, still when motion is reduced. */
  .placeholder {
    border-radius: 6px;
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.15));
    animation: aime-placeholder 1.4s ease-in-out infinite;
  }
  @keyframes aime-placeholder {
    50% {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .placeholder {
      animation: none;
    }
  }
  .state {
    padding: 24px;
    text-align: center;
    color: var(--secondary-text-color);
  }
  .error {
    color: var(--error-color, #db4437);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  ol.ranked,
  ul.plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ol.ranked li,
  ul.plain li {
    display: flex;
    gap: 8px;
    align-items: center;
    padding: 4px 0;
    border-bottom: 1px solid var(--divider-color, #eee);
    min-width: 0;
  }
  .ellipsis {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    min-width: 0;
  }
  /* Names come from anywhere: 2,000 characters without a break, right-to-left scripts, emoji.
     Each name element has dir="auto" and its whole text as its title: it keeps its own direction
     without reordering its neighbours, and breaks anywhere rather than widening its card. */
  [dir="auto"] {
    unicode-bidi: plaintext;
    overflow-wrap: anywhere;
  }
  /* A heading that is a name: three lines at most (the title attribute holds the rest). */
  .name-heading {
    display: -webkit-box;
    -webkit-line-clamp: 3;
    -webkit-box-orient: vertical;
    overflow: hidden;
    overflow-wrap: anywhere;
    min-width: 0;
  }
`;

// Forms (the playlist generator): each field's label over its input.
export const formStyles = css`
  label {
    display: flex;
    flex-direction: column;
    gap: 4px;
    font-size: 0.875rem;
    color: var(--secondary-text-color);
  }
  label input,
  label select,
  label textarea {
    width: 100%;
    color: var(--primary-text-color);
  }
  textarea {
    resize: vertical;
    min-height: 72px;
  }
`;
