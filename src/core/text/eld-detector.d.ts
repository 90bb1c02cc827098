// eld's detector module (node_modules/eld/src/languageDetector.js, aliased in wxt.config.ts).
declare module 'eld-detector' {
  interface DetectedLanguage {
    /** An ISO 639-1 code, or '' when nothing could be told. */
    language: string;
  }
  interface NgramsData {
    type: string;
    languages: Record<string, string>;
    ngrams: Record<string, Record<string, number>>;
  }
  export function createEld(): {
    instance: { detect(text: string): DetectedLanguage };
    loadData(data: NgramsData): string;
  };
}
