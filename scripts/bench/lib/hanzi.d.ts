// the `hanzi` package ships no types; typo-synth.ts states the little it uses
declare module 'hanzi';
