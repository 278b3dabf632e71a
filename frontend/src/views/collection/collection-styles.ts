// The collection view's look: a summary card, a filter bar and a responsive grid of covers.
import { css } from "lit";

export const collectionStyles = css`
  .layout {
    display: flex;
    flex-direction: column;
    gap: 16px;
  }
  .summary h2 {
    margin-bottom: 12px;
  }
  .figures {
    display: grid;
    grid-template-columns: repeat(3, minmax(0, 1fr));
    gap: 12px;
  }
  .figure {
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-width: 0;
  }
  .figure .value {
    font-size: 1.75rem;
    font-weight: 500;
    line-height: 1.2;
    font-variant-numeric: tabular-nums;
  }
  .figure .label {
    color: var(--secondary-text-color);
    font-size: 0.875rem;
  }
  .filters {
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  .filter-row {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
    align-items: flex-end;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    min-width: 120px;
    flex: 1 1 140px;
  }
  .field.search {
    flex: 2 1 220px;
  }
  .field select,
  .field input {
    width: 100%;
  }
  .field-label {
    font-size: 0.75rem;
    color: var(--secondary-text-color);
    letter-spacing: 0.02em;
  }
  .sort {
    display: flex;
    gap: 6px;
  }
  .sort select {
    flex: 1;
    min-width: 0;
    width: 11em;
  }
  button.direction {
    padding: 0 8px;
    display: inline-flex;
    align-items: center;
  }
  button.direction svg.down {
    transform: rotate(180deg);
  }
  .filter-row.second {
    justify-content: space-between;
    align-items: center;
  }
  .shelves {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  .sort-field {
    display: flex;
    gap: 8px;
    align-items: center;
    margin-left: auto;
  }
  .sort-label {
    font-size: 0.875rem;
    color: var(--secondary-text-color);
    white-space: nowrap;
  }
  button.chip {
    border-radius: 18px;
    padding: 4px 14px;
    min-height: 32px;
    font-size: 0.875rem;
    background: transparent;
  }
  button.chip[aria-pressed="true"] {
    background: var(--primary-color);
    border-color: var(--primary-color);
    color: var(--text-primary-color, #fff);
  }
  button.chip.clear {
    border-style: dashed;
    color: var(--secondary-text-color);
  }
  button:not([disabled]):hover {
    filter: brightness(1.08);
  }
  .result-line {
    display: flex;
    gap: 12px;
    align-items: baseline;
    padding: 0 4px;
    font-weight: 500;
  }
  .covers {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 16px;
    grid-template-columns: repeat(auto-fill, minmax(168px, 1fr));
    transition: opacity 0.15s;
  }
  .covers[data-refreshing] {
    opacity: 0.55;
  }
  .record {
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-width: 0;
    padding: 8px 8px 10px;
    border-radius: var(--ha-card-border-radius, 12px);
    background: var(--ha-card-background, var(--card-background-color, #fff));
    border: var(--ha-card-border-width, 1px) solid var(--ha-card-border-color, var(--divider-color, #e0e0e0));
    transition:
      box-shadow 0.15s,
      transform 0.15s;
  }
  .record:hover,
  .record:focus-within {
    box-shadow: var(--ha-card-box-shadow, 0 2px 8px rgba(0, 0, 0, 0.18));
    transform: translateY(-1px);
  }
  .album-link {
    display: flex;
    flex-direction: column;
    gap: 8px;
    color: var(--primary-text-color);
    border-radius: 6px;
    min-width: 0;
  }
  .album-link:hover {
    text-decoration: none;
  }
  .album-link:hover .title {
    text-decoration: underline;
  }
  .title {
    font-weight: 500;
  }
  .artist {
    font-size: 0.9rem;
  }
  span.artist {
    color: var(--secondary-text-color);
  }
  .details,
  .plays {
    color: var(--secondary-text-color);
    font-size: 0.8rem;
  }
  .plays {
    margin-top: 2px;
    font-variant-numeric: tabular-nums;
  }
  .plays.never {
    font-style: italic;
  }
  .empty {
    text-align: center;
    color: var(--secondary-text-color);
    padding: 32px 16px;
  }
  .skeleton .block {
    aspect-ratio: 1;
    margin-bottom: 8px;
  }
  .skeleton .line {
    height: 12px;
    margin: 4px 0;
  }
  .skeleton .line.short {
    width: 60%;
  }
  @media (prefers-reduced-motion: reduce) {
    .record {
      transition: none;
    }
  }
  @media (max-width: 600px) {
    .covers {
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 10px;
    }
    .figure .value {
      font-size: 1.4rem;
    }
    .field {
      flex: 1 1 40%;
    }
    .field.search {
      flex: 1 1 100%;
    }
  }
`;
