/** Minimal declarations for the benchmark's peers that ship without types. */
declare module 'write-good' {
  interface WriteGoodSuggestion {
    index: number;
    offset: number;
    reason: string;
  }
  function writeGood(text: string, options?: Record<string, boolean | RegExp | undefined>): WriteGoodSuggestion[];
  export default writeGood;
}

declare module 'text-readability' {
  type Formula = (text: string) => number;
  const readability: {
    fleschReadingEase: Formula;
    fleschKincaidGrade: Formula;
    smogIndex: Formula;
    colemanLiauIndex: Formula;
    automatedReadabilityIndex: Formula;
    daleChallReadabilityScore: Formula;
    linsearWriteFormula: Formula;
    gunningFog: Formula;
    lix: Formula;
    rix: Formula;
    textStandard(text: string, floatOutput?: boolean | null): string | number;
  };
  export default readability;
}
