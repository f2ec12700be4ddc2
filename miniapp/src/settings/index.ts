export {
  initTextSize,
  setLargeText,
  TEXT_LARGE_CLASS,
  useTextSize,
  useTextSizeClass,
  type TextSize,
} from './text-size';
