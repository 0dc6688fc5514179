import { dist, rot90ccw, warpQuad, type GreyImage, type Quad } from '../preprocess/image.js';

export const REC_HEIGHT = 48;

/**
 * Cuts a text line out of the page, upright, at the recogniser's height (get_rotate_crop_image: a perspective warp
 * of the box to its own width × height, then resized to height 48 keeping the aspect ratio — done here in one warp).
 * `quad` is clockwise from the text's top-left, so the crop reads left to right. A crop that comes out at least 1.5×
 * taller than wide is turned 90° counter-clockwise, as PaddleOCR does for vertical boxes.
 */
export function cropLine(img: GreyImage, quad: Quad, height = REC_HEIGHT): GreyImage {
  let w = Math.max(dist(quad[0], quad[1]), dist(quad[3], quad[2]));
  let h = Math.max(dist(quad[0], quad[3]), dist(quad[1], quad[2]));
  w = Math.max(1, Math.trunc(w));
  h = Math.max(1, Math.trunc(h));
  if (h / w >= 1.5) {
    // Warp at the box's own proportions, turn, then the height becomes the box's width.
    const outW = Math.max(1, Math.round((height * h) / w));
    const tall = warpQuad(img, quad, height, outW);
    return rot90ccw(tall);
  }
  const outW = Math.max(1, Math.ceil((height * w) / h));
  return warpQuad(img, quad, outW, height);
}
