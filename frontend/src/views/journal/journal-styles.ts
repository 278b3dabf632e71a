// The journal's look: a filter card, chips, day sections of rows, a skeleton while loading.
import { css } from "lit";

export const journalStyles = css`
  :host {
    --aime-row-gap: 12px;
  }
  svg {
    fill: currentColor;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 12px;
    align-items: center;
    padding: 12px;
    margin-bottom: 12px;
  }
  .search {
    position: relative;
    flex: 1 1 260px;
    display: flex;
    min-width: 0;
  }
  .search svg {
    position: absolute;
    left: 10px;
    top: 50%;
    width: 20px;
    height: 20px;
    transform: translateY(-50%);
    color: var(--secondary-text-color);
    pointer-events: none;
  }
  .search input {
    width: 100%;
    padding-left: 36px;
  }
  .field {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    color: var(--secondary-text-color);
    font-size: 0.875rem;
  }
  .field input,
  .field select {
    color: var(--primary-text-color);
  }
  .days {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .toggle {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    background: none;
  }
  .toggle svg {
    width: 18px;
    height: 18px;
    color: var(--secondary-text-color);
  }
  .toggle[aria-pressed="true"] {
    border-color: var(--error-color, #db4437);
    background: color-mix(in srgb, var(--error-color, #db4437) 12%, transparent);
  }
  .toggle[aria-pressed="true"] svg {
    color: var(--error-color, #db4437);
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    min-height: 32px;
    margin: 0 4px 8px;
  }
  .total {
    margin-left: auto;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 2px;
    max-width: 100%;
    min-width: 0;
    box-sizing: border-box;
    padding: 0 2px 0 12px;
    border-radius: 999px;
    background: color-mix(in srgb, var(--primary-color) 14%, transparent);
    border: 1px solid color-mix(in srgb, var(--primary-color) 40%, transparent);
    font-size: 0.875rem;
  }
  .chip button.icon {
    min-width: 28px;
    min-height: 28px;
    padding: 4px;
    display: inline-flex;
  }
  .chip svg {
    width: 16px;
    height: 16px;
  }
  button.link {
    background: none;
    border: none;
    color: var(--primary-color);
    padding: 4px 6px;
    min-height: 32px;
  }
  button.link:hover {
    text-decoration: underline;
  }
  .list {
    transition: opacity 0.2s;
  }
  .list.refreshing {
    opacity: 0.55;
  }
  .day {
    margin-bottom: 16px;
  }
  .day h3 {
    margin: 0 4px 6px;
    font-size: 0.95rem;
    font-weight: 500;
  }
  .day h3 .muted {
    font-weight: 400;
    margin-left: 6px;
  }
  .rows {
    list-style: none;
    margin: 0;
    padding: 4px 0;
    overflow: hidden;
  }
  .row {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto auto;
    align-items: center;
    gap: var(--aime-row-gap);
    padding: 8px 16px;
    border-bottom: 1px solid var(--divider-color, #eee);
    transition: background-color 0.15s;
  }
  .row:last-child {
    border-bottom: none;
  }
  .rows .row:hover,
  .rows .row:focus-within {
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.08));
  }
  .row.fresh {
    animation: aime-fresh 6s ease-out;
    box-shadow: inset 3px 0 0 var(--primary-color);
  }
  @keyframes aime-fresh {
    from {
      background: color-mix(in srgb, var(--primary-color) 28%, transparent);
    }
    to {
      background: transparent;
    }
  }
  .actions {
    display: flex;
    gap: 4px;
    opacity: 0;
    transition: opacity 0.15s;
  }
  .row:hover .actions,
  .row:focus-within .actions {
    opacity: 1;
  }
  .filter-action {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    min-height: 30px;
    padding: 2px 8px;
    font-size: 0.8rem;
    background: none;
    color: var(--secondary-text-color);
  }
  .filter-action:hover {
    color: var(--primary-color);
    border-color: var(--primary-color);
  }
  .filter-action svg {
    width: 14px;
    height: 14px;
  }
  .aside {
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    gap: 4px;
    min-width: 0;
    text-align: right;
  }
  .aside time {
    font-variant-numeric: tabular-nums;
    font-size: 0.875rem;
  }
  .where {
    display: flex;
    align-items: center;
    gap: 6px;
    min-width: 0;
    max-width: 260px;
  }
  .device {
    font-size: 0.8rem;
  }
  .end {
    display: flex;
    justify-content: center;
    align-items: center;
    gap: 8px;
    padding: 16px;
  }
  .sentinel {
    height: 1px;
  }
  .state p {
    margin: 0 0 12px;
  }
  .state.empty {
    padding: 40px 24px;
  }
  @media (hover: none) {
    .actions {
      display: none;
    }
  }
  @media (max-width: 600px) {
    .filters {
      padding: 8px;
    }
    .search {
      flex-basis: 100%;
    }
    .days {
      flex: 1 1 100%;
    }
    .days .field {
      flex: 1 1 0;
      min-width: 0;
    }
    .days aime-date-input {
      flex: 1;
      min-width: 0;
    }
    .row {
      grid-template-columns: auto minmax(0, 1fr) auto;
      gap: 10px;
      padding: 8px 10px;
    }
    .actions {
      display: none;
    }
    .device {
      display: none;
    }
  }
  /* Skeleton rows while the first page loads. */
  .skeleton .heading {
    width: 140px;
    height: 16px;
    margin: 4px 4px 10px;
  }
  .skeleton .row {
    grid-template-columns: auto 1fr;
  }
  .skeleton .cover {
    width: 48px;
    height: 48px;
  }
  .skeleton .long {
    width: min(60%, 320px);
    height: 14px;
  }
  .skeleton .short {
    width: min(40%, 200px);
    height: 12px;
    margin-top: 6px;
  }
  @media (prefers-reduced-motion: reduce) {
    .row.fresh {
      animation: none;
    }
  }
`;
