// The timeline's look: a day header with totals and an hour chart, then a rail of hours.
import { css } from "lit";

export const timelineStyles = css`
  svg {
    fill: currentColor;
  }
  .head {
    margin-bottom: 12px;
  }
  .nav {
    display: flex;
    align-items: center;
    gap: 4px;
    flex-wrap: wrap;
    margin-bottom: 8px;
  }
  .nav svg {
    width: 24px;
    height: 24px;
    display: block;
  }
  .day-picker {
    min-width: 150px;
  }
  .nav > button:not(.icon) {
    margin-left: 4px;
  }
  .head h2 {
    margin: 4px 0 12px;
    font-size: 1.4rem;
    font-weight: 400;
  }
  .totals {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 12px 32px;
  }
  .figure {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .figure .value {
    font-size: 1.5rem;
    font-weight: 500;
    font-variant-numeric: tabular-nums;
  }
  .figure .label {
    color: var(--secondary-text-color);
    font-size: 0.85rem;
  }
  .journal-link {
    margin-left: auto;
    padding: 6px 0;
  }
  .chart {
    display: flex;
    align-items: flex-end;
    gap: 3px;
    height: 64px;
    margin: 16px 0 20px;
  }
  .bar {
    position: relative;
    flex: 1 1 0;
    height: 100%;
    min-width: 0;
    min-height: 0;
    padding: 0;
    border: none;
    border-radius: 0;
    background: none;
    display: flex;
    align-items: flex-end;
  }
  .bar > span:first-child {
    display: block;
    width: 100%;
    height: var(--aime-bar);
    border-radius: 3px 3px 0 0;
    background: var(--primary-color);
    opacity: 0.85;
    transition: opacity 0.15s;
  }
  .bar.empty > span:first-child {
    background: var(--divider-color, rgba(127, 127, 127, 0.3));
    opacity: 1;
  }
  button.bar:hover > span:first-child,
  button.bar:focus-visible > span:first-child {
    opacity: 1;
    filter: brightness(1.15);
  }
  .tick {
    position: absolute;
    top: 100%;
    left: 0;
    margin-top: 2px;
    font-size: 0.7rem;
    color: var(--secondary-text-color);
    white-space: nowrap;
  }
  .hours {
    list-style: none;
    margin: 0;
    padding: 8px 16px;
  }
  .hour,
  .quiet {
    position: relative;
    padding-left: 20px;
  }
  /* The rail: a line down the left with a dot at each hour. */
  .hour::before,
  .quiet .rail {
    content: "";
    position: absolute;
    left: 5px;
    top: 0;
    bottom: 0;
    width: 2px;
    background: var(--divider-color, #e0e0e0);
  }
  .hour::after {
    content: "";
    position: absolute;
    left: 0;
    top: 14px;
    width: 12px;
    height: 12px;
    border-radius: 50%;
    background: var(--primary-color);
    box-shadow: 0 0 0 3px var(--card-background-color, #fff);
  }
  .hour h3 {
    display: flex;
    align-items: baseline;
    gap: 8px;
    margin: 0;
    padding: 10px 0 4px;
    font-size: 1rem;
    scroll-margin-top: 72px;
  }
  .hour h3:focus {
    outline: none;
  }
  .hour-label {
    font-variant-numeric: tabular-nums;
  }
  .hour h3 .muted {
    font-weight: 400;
  }
  .quiet {
    display: flex;
    align-items: center;
    min-height: 32px;
    font-size: 0.85rem;
    font-style: italic;
  }
  .quiet .rail {
    background: repeating-linear-gradient(
      to bottom,
      var(--divider-color, #e0e0e0) 0 4px,
      transparent 4px 8px
    );
  }
  .plays {
    list-style: none;
    margin: 0 0 8px;
    padding: 0;
  }
  .play {
    display: grid;
    grid-template-columns: 4.5em auto minmax(0, 1fr) auto;
    align-items: center;
    gap: 12px;
    padding: 6px 8px;
    border-radius: 8px;
    transition: background-color 0.15s;
  }
  .play:hover,
  .play:focus-within {
    background: var(--secondary-background-color, rgba(127, 127, 127, 0.08));
  }
  .play time {
    font-variant-numeric: tabular-nums;
    color: var(--secondary-text-color);
    font-size: 0.875rem;
  }
  .state.empty {
    padding: 40px 24px;
  }
  .state p {
    margin: 0 0 12px;
  }
  @media (max-width: 600px) {
    .head {
      padding: 12px;
    }
    .nav {
      flex-wrap: nowrap;
    }
    .day-picker {
      min-width: 0;
      width: 136px;
    }
    .nav > button:not(.icon) {
      margin-left: auto;
      padding: 6px 10px;
    }
    .head h2 {
      font-size: 1.2rem;
    }
    .totals {
      gap: 12px 20px;
    }
    .figure .value {
      font-size: 1.2rem;
    }
    .journal-link {
      margin-left: 0;
    }
    .chart {
      gap: 2px;
    }
    .hours {
      padding: 4px 8px;
    }
    .play {
      grid-template-columns: auto minmax(0, 1fr);
      grid-template-areas: "cover text" "cover time";
      gap: 2px 10px;
      padding: 6px 4px;
    }
    .play aime-cover {
      grid-area: cover;
    }
    .play .text {
      grid-area: text;
    }
    .play time {
      grid-area: time;
      font-size: 0.8rem;
    }
    .play .aside {
      display: none;
    }
  }
`;
