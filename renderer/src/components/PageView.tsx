import { useState } from 'react';
import type { Box } from '../../../main/common/contract/ocr.js';
import './PageView.css';
import { L } from '../i18n.js';

export interface PageBox {
  key: string;
  box: Box;
  /** Extra CSS class (box-active, box-evidence …). */
  className?: string;
  /** Tooltip, and the text drawn into the box on a page without an image. */
  text?: string;
}

export const pointsOf = (b: Box): string => b.map(([x, y]) => `${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`).join(' ');

/**
 * A page with boxes over it. With an image: the <img> and an SVG overlay whose viewBox is the page's pixel space
 * (boxes are polygons with attribute coordinates: no inline styles, which the console's CSP refuses). Without one
 * (PDF, TIFF, or an image the browser cannot show): a sketch of the page with the boxes and their text.
 * `width`/`height` are the space the boxes are in; without them the image's own size is used.
 */
export function PageView({
  imageUrl,
  width,
  height,
  boxes,
  label,
  testId,
}: {
  imageUrl: string | null;
  width?: number;
  height?: number;
  boxes: PageBox[];
  label: string;
  testId?: string;
}) {
  const [natural, setNatural] = useState<{ url: string; w: number; h: number } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const nat = natural?.url === imageUrl ? natural : null;
  const w = width ?? nat?.w;
  const h = height ?? nat?.h;
  const showImage = imageUrl !== null && failed !== imageUrl;

  const polygons = (
    <>
      {boxes.map((b) => (
        <polygon key={b.key} points={pointsOf(b.box)} className={`page-box ${b.className ?? ''}`}>
          {b.text && <title>{b.text}</title>}
        </polygon>
      ))}
    </>
  );

  if (showImage) {
    return (
      <figure className="page-view" data-testid={testId} data-mode="image">
        <img
          className="page-img"
          src={imageUrl}
          alt={label}
          onLoad={(e) => setNatural({ url: imageUrl, w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })}
          onError={() => setFailed(imageUrl)}
        />
        {w && h ? (
          <svg className="page-overlay" viewBox={`0 0 ${w} ${h}`} preserveAspectRatio="none" aria-hidden="true" data-testid={testId && `${testId}-overlay`}>
            {polygons}
          </svg>
        ) : null}
      </figure>
    );
  }
  if (!w || !h) {
    return (
      <div className="page-view page-none muted small" data-testid={testId} data-mode="none">
        {L.noPreview}
      </div>
    );
  }
  return (
    <figure className="page-view" data-testid={testId} data-mode="sketch">
      <svg className="page-sketch" viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label} data-testid={testId && `${testId}-overlay`}>
        <rect className="sketch-paper" x={0} y={0} width={w} height={h} />
        {polygons}
        {boxes.map((b) => {
          if (!b.text) return null;
          const xs = b.box.map((p) => p[0]);
          const ys = b.box.map((p) => p[1]);
          const x0 = Math.min(...xs);
          const y0 = Math.min(...ys);
          const bw = Math.max(...xs) - x0;
          const bh = Math.max(...ys) - y0;
          if (bw <= 0 || bh <= 0) return null;
          // Upright text fits a wide box; tall boxes (a page read turned) get the text rotated along them.
          const tall = bh > bw * 1.5;
          const size = Math.max(4, (tall ? bw : bh) * 0.78);
          return tall ? (
            <text
              key={`t-${b.key}`}
              className="sketch-text"
              x={x0 + bw / 2}
              y={y0}
              fontSize={size}
              textLength={bh}
              lengthAdjust="spacingAndGlyphs"
              transform={`rotate(90 ${x0 + bw / 2} ${y0})`}
              dominantBaseline="central"
            >
              {b.text}
            </text>
          ) : (
            <text
              key={`t-${b.key}`}
              className="sketch-text"
              x={x0}
              y={y0 + bh / 2}
              fontSize={size}
              textLength={bw}
              lengthAdjust="spacingAndGlyphs"
              dominantBaseline="central"
            >
              {b.text}
            </text>
          );
        })}
      </svg>
      <figcaption className="muted small">{L.drawnPreview}</figcaption>
    </figure>
  );
}
