// The statistics view's layout: a toolbar, the figures, then cards in responsive columns.
import { css } from "lit";

export const statsStyles = css`
  .view {
    display: flex;
    flex-direction: column;
    gap: 16px;
  }
  .toolbar {
    margin: 0;
    justify-content: space-between;
  }
  .range {
    display: flex;
    gap: 8px;
    align-items: center;
  }
  .updating {
    font-size: 0.8rem;
    color: var(--secondary-text-color);
  }
  .content {
    display: flex;
    flex-direction: column;
    gap: 16px;
    transition: opacity 0.2s;
  }
  .content.busy {
    opacity: 0.55;
  }
  .columns {
    display: grid;
    gap: 16px;
    grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
    align-items: start;
  }
  .stack {
    display: flex;
    flex-direction: column;
    gap: 16px;
    min-width: 0;
  }
  .tops {
    display: grid;
    gap: 16px;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 300px), 1fr));
    align-items: start;
  }
  @media (max-width: 900px) {
    .columns {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .card-head {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
    justify-content: space-between;
    margin-bottom: 8px;
  }
  .card-head h3 {
    margin: 0;
  }
  .segmented {
    display: inline-flex;
    border: 1px solid var(--divider-color, #ccc);
    border-radius: 8px;
    overflow: hidden;
  }
  .segmented button {
    border: none;
    border-radius: 0;
    background: none;
    min-height: 32px;
    padding: 4px 12px;
  }
  .segmented button + button {
    border-left: 1px solid var(--divider-color, #ccc);
  }
  .segmented button[aria-pressed="true"] {
    background: var(--primary-color);
    color: var(--text-primary-color, #fff);
  }
  .segmented button:hover:not([aria-pressed="true"]) {
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.12));
  }
  .note {
    margin: 4px 0 0;
  }
  .empty-state {
    padding: 32px 16px;
    text-align: center;
    color: var(--secondary-text-color);
  }
  .skeleton {
    border-radius: var(--ha-card-border-radius, 12px);
  }
  .skeleton.tile-shape {
    height: 84px;
  }
  .skeleton.chart-shape {
    height: 280px;
  }
`;
