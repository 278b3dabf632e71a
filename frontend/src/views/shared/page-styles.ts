// The album and artist pages' look: a hero card (image, names, figures, actions) over cards in columns.
import { css } from "lit";

export const pageStyles = css`
  .layout {
    display: flex;
    flex-direction: column;
    gap: 16px;
  }
  .hero {
    display: flex;
    gap: 24px;
    align-items: flex-start;
  }
  .hero aime-cover {
    flex: none;
    box-shadow: 0 4px 16px rgba(0, 0, 0, 0.2);
    border-radius: 6px;
  }
  .hero .info {
    display: flex;
    flex-direction: column;
    gap: 8px;
    min-width: 0;
    flex: 1;
  }
  .overline {
    text-transform: uppercase;
    letter-spacing: 0.08em;
    font-size: 0.75rem;
    color: var(--secondary-text-color);
  }
  .hero h1 {
    font-size: 2rem;
    line-height: 1.2;
    margin: 0;
    overflow-wrap: anywhere;
  }
  .hero .by {
    font-size: 1.15rem;
    overflow-wrap: anywhere;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    color: var(--secondary-text-color);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .chip {
    border-radius: 14px;
    padding: 2px 10px;
    font-size: 0.8rem;
    line-height: 1.6;
    border: 1px solid var(--divider-color, #ccc);
    color: var(--primary-text-color);
  }
  .chip.genre {
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.12));
  }
  .badge {
    display: inline-block;
    border-radius: 10px;
    padding: 0 8px;
    font-size: 0.72rem;
    line-height: 1.6;
    background: var(--primary-color);
    color: var(--text-primary-color, #fff);
    white-space: nowrap;
  }
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(120px, 1fr));
    gap: 12px;
    margin: 8px 0 4px;
  }
  .figure {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .figure .value {
    font-size: 1.3rem;
    font-weight: 500;
    font-variant-numeric: tabular-nums;
  }
  .figure .label {
    font-size: 0.8rem;
    color: var(--secondary-text-color);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
    align-items: center;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
    align-items: center;
  }
  .links a {
    display: inline-flex;
    gap: 4px;
    align-items: center;
  }
  .columns {
    display: grid;
    gap: 16px;
    grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    align-items: start;
  }
  .column {
    display: flex;
    flex-direction: column;
    gap: 16px;
    min-width: 0;
  }
  .card h2 button {
    font-size: 0.875rem;
    font-weight: 400;
    white-space: nowrap;
  }
  .scroll-list {
    max-height: 640px;
    overflow-y: auto;
    overscroll-behavior: contain;
    margin-right: -8px;
    padding-right: 8px;
  }
  .card h2 {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    justify-content: space-between;
  }
  .rows {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .rows > li {
    display: flex;
    gap: 12px;
    align-items: center;
    padding: 8px 0;
    border-bottom: 1px solid var(--divider-color, #eee);
    min-width: 0;
  }
  .rows > li:last-child {
    border-bottom: none;
  }
  .rows .main {
    flex: 1;
    min-width: 0;
    display: flex;
    flex-direction: column;
  }
  .rows .number {
    width: 1.8em;
    text-align: right;
    color: var(--secondary-text-color);
    font-variant-numeric: tabular-nums;
    flex: none;
  }
  .rows .count {
    flex: none;
    min-width: 4.5em;
    color: var(--secondary-text-color);
    font-size: 0.875rem;
    font-variant-numeric: tabular-nums;
    text-align: right;
  }
  .bar {
    height: 4px;
    border-radius: 2px;
    background: var(--divider-color, rgba(127, 127, 127, 0.2));
    margin-top: 4px;
    overflow: hidden;
  }
  .bar > span {
    display: block;
    height: 100%;
    background: var(--primary-color);
    border-radius: 2px;
  }
  .description p {
    margin: 0 0 12px;
    line-height: 1.55;
    white-space: pre-line;
  }
  .empty-line {
    color: var(--secondary-text-color);
    margin: 4px 0;
  }
  @media (max-width: 900px) {
    .columns {
      grid-template-columns: minmax(0, 1fr);
    }
    .scroll-list {
      max-height: none;
    }
  }
  @media (max-width: 600px) {
    .hero {
      flex-direction: column;
      align-items: stretch;
      gap: 16px;
    }
    .hero aime-cover {
      align-self: center;
      width: min(100%, 280px);
    }
    .hero h1 {
      font-size: 1.5rem;
    }
  }
`;
