// Parties × parties: how many claims each actor (row) makes about each target (column), drawn with
// echarts as a heatmap. A table with the same numbers is there for screen readers and copying.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { HeatmapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { navigate, href } from '../router.js';
import { CLAIM_TYPES, TYPE_LABEL, type Claim, type ClaimType } from '../types.js';

echarts.use([HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);
const { encodeHTML } = echarts.format;

export interface Matrix {
  actors: string[];
  targets: string[];
  cells: Array<[number, number, number]>;
}

export const matrixOf = (claims: Claim[], type: ClaimType | ''): Matrix => {
  const counts = new Map<string, number>();
  for (const c of claims) {
    if (c.retracted || (type && c.type !== type)) continue;
    for (const a of c.actors)
      for (const t of c.targets) {
        if (!a.party || !t.party) continue;
        const k = `${a.party}\u0000${t.party}`;
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
  }
  const pairs = [...counts.keys()].map((k) => k.split('\u0000'));
  const actors = [...new Set(pairs.map((p) => p[0]))].sort();
  const targets = [...new Set(pairs.map((p) => p[1]))].sort();
  const cells = [...counts].map(([k, n]): [number, number, number] => {
    const [a, t] = k.split('\u0000');
    return [targets.indexOf(t), actors.indexOf(a), n];
  });
  return { actors, targets, cells };
};

export const PartyMatrix = ({ claims, focus }: { claims: Claim[]; focus: string }) => {
  const [type, setType] = useState<ClaimType | ''>('');
  const m = useMemo(() => matrixOf(claims, type), [claims, type]);
  const el = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!el.current || m.cells.length === 0) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'canvas' });
    const max = Math.max(...m.cells.map((c) => c[2]));
    const bold = (name: string) => (name === focus ? `{focus|${name}}` : name);
    chart.setOption({
      animation: false,
      // echarts puts a formatter's string into the page as HTML, and party ids come from the event
      // log (older events predate the party-id grammar): escape every one.
      tooltip: {
        formatter: (p: { value: [number, number, number] }) =>
          `${encodeHTML(m.actors[p.value[1]])} → ${encodeHTML(m.targets[p.value[0]])}: ${p.value[2]} claim(s)`,
      },
      grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
      xAxis: {
        type: 'category',
        data: m.targets,
        name: 'target',
        nameLocation: 'middle',
        nameGap: 40,
        splitArea: { show: true },
        axisLabel: { rotate: m.targets.length > 5 ? 30 : 0, interval: 0, formatter: bold, rich: { focus: { fontWeight: 'bold' } } },
      },
      yAxis: {
        type: 'category',
        data: m.actors,
        name: 'actor',
        splitArea: { show: true },
        axisLabel: { formatter: bold, rich: { focus: { fontWeight: 'bold' } } },
      },
      visualMap: { min: 0, max, show: false, inRange: { color: ['#e8eef8', '#1f4e99'] } },
      series: [{ type: 'heatmap', data: m.cells, label: { show: true }, emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } } }],
    });
    chart.on('click', (p) => {
      const [x, y] = p.value as [number, number, number];
      navigate(href(['timeline'], { actor: m.actors[y], target: m.targets[x], type: type || undefined }));
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [m, focus]);

  const height = Math.max(180, 36 * m.actors.length + 90);
  return (
    <figure class="matrix">
      <figcaption>
        Who does what to whom: claims by actor (rows) and target (columns).{' '}
        <label>
          Type{' '}
          <select value={type} onChange={(e) => setType(e.currentTarget.value as ClaimType | '')}>
            <option value="">all</option>
            {CLAIM_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABEL[t]}
              </option>
            ))}
          </select>
        </label>
      </figcaption>
      {m.cells.length === 0 ? (
        <p class="muted">No claims with both an actor and a target.</p>
      ) : (
        <div
          ref={el}
          class="matrix-chart"
          id="party-matrix"
          role="img"
          style={{ height: `${height}px` }}
          aria-label={`matrix of ${m.actors.length} actors by ${m.targets.length} targets; the same numbers are in the table below`}
        />
      )}
      <details>
        <summary>The matrix as a table</summary>
        <div class="table-wrap">
          <table class="matrix-table">
            <thead>
              <tr>
                <th scope="col">actor \ target</th>
                {m.targets.map((t) => (
                  <th key={t} scope="col">
                    {t}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {m.actors.map((a, y) => (
                <tr key={a}>
                  <th scope="row">{a}</th>
                  {m.targets.map((t, x) => (
                    <td key={t}>{m.cells.find((c) => c[0] === x && c[1] === y)?.[2] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
};
