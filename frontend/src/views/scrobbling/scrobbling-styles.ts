// The Scrobbling view's styles: three cards (outbox, imports, endpoint), tables that scroll sideways
// on a phone, state badges and progress bars in the theme's colours.
import { css } from "lit";

export const scrobblingStyles = css`
  .sections {
    display: flex;
    flex-direction: column;
    gap: 16px;
  }
  .card > header {
    display: flex;
    align-items: baseline;
    gap: 8px;
    flex-wrap: wrap;
  }
  .card > header h2 {
    flex: 1;
  }
  .intro {
    margin: 0 0 12px;
  }
  .accounts {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 24px;
    margin: 0 0 12px;
  }
  .account-name {
    font-weight: 500;
  }
  .counts {
    display: flex;
    gap: 12px;
    flex-wrap: wrap;
    font-variant-numeric: tabular-nums;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 8px;
    border-bottom: 1px solid var(--divider-color, #e0e0e0);
    vertical-align: top;
  }
  th {
    font-weight: 500;
    color: var(--secondary-text-color);
    font-size: 0.875rem;
  }
  .badge {
    display: inline-block;
    padding: 2px 8px;
    border-radius: 10px;
    font-size: 0.8rem;
    white-space: nowrap;
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.12));
  }
  .badge.sent {
    background: rgba(var(--rgb-success-color, 67, 160, 71), 0.18);
  }
  .badge.failed {
    background: rgba(var(--rgb-error-color, 219, 68, 55), 0.18);
  }
  .badge.not_sent {
    background: rgba(var(--rgb-warning-color, 255, 166, 0), 0.18);
  }
  .import {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 4px 12px;
    align-items: center;
    padding: 8px 0;
  }
  .import + .import {
    border-top: 1px solid var(--divider-color, #e0e0e0);
  }
  progress {
    grid-column: 1 / -1;
    width: 100%;
    height: 8px;
    accent-color: var(--primary-color);
  }
  .url {
    display: flex;
    gap: 8px;
    align-items: center;
    flex-wrap: wrap;
    margin: 0 0 12px;
  }
  .url code {
    padding: 6px 8px;
    border-radius: 6px;
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.12));
    word-break: break-all;
  }
  .notice {
    margin: 8px 0 0;
  }
`;
