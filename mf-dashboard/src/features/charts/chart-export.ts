// Downloads of a chart: its drawing as PNG (the SVG rendered onto a canvas) and its data as CSV.

/** Saves a blob under a file name through a temporary link (the browser's download). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** An SVG document rendered at twice its size on a white background, as a PNG blob. */
export async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const scale = 2;
  const image = new Image();
  // A data: URL, not a blob: one: the portal's Content-Security-Policy allows images from 'self' and data: only.
  const source = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('the chart could not be rendered as an image'));
    image.src = source;
  });
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

/** `chart-module` of LAB-CARBON 2025 → `LAB-CARBON-2025-chart-module.csv`. */
export const exportFileName = (unit: string, year: number, id: string, extension: 'png' | 'csv') => `${unit}-${year}-${id}.${extension}`;
