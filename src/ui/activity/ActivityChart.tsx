import { useId } from 'react';
import { NETWORKS } from '@/src/core/pack/schema';
import { total, type WeekFigure } from '@/src/store/activity';
import { NETWORK_NAMES } from '@/src/ui/popup/library';
import { formatNumber, formatShortDay, t, tCount } from '@/src/ui/i18n';

/**
 * Posts per week, stacked by network, as a small SVG bar chart. Screen readers get a summary
 * as the image's name and the full figures (posts and inserts) in a table below it.
 */

export const NETWORK_COLOURS = {
  // Each at least 3:1 against white (WCAG 1.4.11 for graphics) and apart from each other.
  x: '#1f2937',
  facebook: '#1d4ed8',
  linkedin: '#0f766e',
} as const;

const WIDTH = 320;
const HEIGHT = 120;
const AXIS = 18;

export function ActivityChart({ weeks }: { weeks: readonly WeekFigure[] }) {
  const id = useId();
  const totals = weeks.map((week) => total(week.posted));
  const max = Math.max(1, ...totals);
  const sum = totals.reduce((a, b) => a + b, 0);
  const busiest = weeks[totals.indexOf(Math.max(...totals))];
  const slot = WIDTH / Math.max(1, weeks.length);
  const barWidth = Math.max(4, slot * 0.6);
  const plot = HEIGHT - AXIS;
  const summary =
    sum === 0
      ? tCount('chart_none', weeks.length)
      : tCount(
          'chart_summary',
          weeks.length,
          tCount('count_posts', sum),
          formatNumber(Math.max(...totals)),
          formatShortDay(busiest!.week),
        );

  return (
    <figure className="pg-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        width="100%"
      >
        <title id={`${id}-title`}>{t('chart_title')}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <line x1={0} x2={WIDTH} y1={plot} y2={plot} stroke="#6b7280" strokeWidth={1} />
        {weeks.map((week, i) => {
          const x = i * slot + (slot - barWidth) / 2;
          let y = plot;
          return (
            <g key={week.week} data-week={week.week}>
              {NETWORKS.map((network) => {
                const count = week.posted[network];
                if (count === 0) return null;
                const height = (count / max) * (plot - 4);
                y -= height;
                return (
                  <rect
                    key={network}
                    x={x}
                    y={y}
                    width={barWidth}
                    height={height}
                    fill={NETWORK_COLOURS[network]}
                    data-network={network}
                    data-count={count}
                  />
                );
              })}
              {(i === 0 || i === weeks.length - 1 || i % 4 === 0) && (
                <text
                  // The first and last labels hug the edges, so neither is cut off.
                  x={i === 0 ? 0 : i === weeks.length - 1 ? WIDTH : i * slot + slot / 2}
                  y={HEIGHT - 4}
                  textAnchor={i === 0 ? 'start' : i === weeks.length - 1 ? 'end' : 'middle'}
                  fontSize={10}
                  fill="#374151"
                  aria-hidden="true"
                >
                  {formatShortDay(week.week)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <p className="pg-quiet pg-chart-summary" aria-hidden="true">
          {summary}
        </p>
        <ul className="pg-legend" aria-label={t('chart_networks')}>
          {NETWORKS.map((network) => (
            <li key={network}>
              <span
                className="pg-swatch"
                style={{ background: NETWORK_COLOURS[network] }}
                aria-hidden="true"
              />
              {NETWORK_NAMES[network]}
            </li>
          ))}
        </ul>
      </figcaption>
      <details className="pg-chart-table">
        <summary>{t('chart_asTable')}</summary>
        <table>
          <caption>{t('chart_tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('chart_columnWeek')}</th>
              {NETWORKS.map((network) => (
                <th scope="col" key={network}>
                  {NETWORK_NAMES[network]}
                </th>
              ))}
              <th scope="col">{t('chart_columnInserted')}</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week.week}>
                <th scope="row">{formatShortDay(week.week)}</th>
                {NETWORKS.map((network) => (
                  <td key={network}>{formatNumber(week.posted[network])}</td>
                ))}
                <td>{formatNumber(total(week.inserted))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
