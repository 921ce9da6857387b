// Types for the part of subset-font (harfbuzz subsetter) used by the build.
declare module 'subset-font' {
  export default function subsetFont(
    font: Uint8Array,
    text: string,
    options?: { targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2'; preserveNameIds?: number[]; noLayoutClosure?: boolean; noHinting?: boolean; keepFeatures?: string[]; variationAxes?: Record<string, number> },
  ): Promise<Buffer>;
}
