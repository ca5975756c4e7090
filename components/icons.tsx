import type { SVGProps } from "react";

/**
 * A handful of 16px stroke icons, inline so that no icon library ships with the page. Each is one
 * <path>: the table draws two in every row it mounts, and every element counts there.
 */
type IconProps = SVGProps<SVGSVGElement>;

function Icon({ children, ...props }: IconProps) {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="1.5"
      strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" {...props}>
      {children}
    </svg>
  );
}

export const ClockIcon = (p: IconProps) => <Icon {...p}><path d="M14.25 8a6.25 6.25 0 1 1-12.5 0 6.25 6.25 0 0 1 12.5 0ZM8 4.5V8l2.25 1.5" /></Icon>;
export const SpinnerIcon = (p: IconProps) => <Icon {...p}><path d="M8 1.75a6.25 6.25 0 1 0 6.25 6.25" /></Icon>;
export const CheckCircleIcon = (p: IconProps) => <Icon {...p}><path d="M14.25 8a6.25 6.25 0 1 1-12.5 0 6.25 6.25 0 0 1 12.5 0Zm-8.75.25 1.75 1.75 3.25-3.5" /></Icon>;
export const BanIcon = (p: IconProps) => <Icon {...p}><path d="M14.25 8a6.25 6.25 0 1 1-12.5 0 6.25 6.25 0 0 1 12.5 0ZM3.6 3.6l8.8 8.8" /></Icon>;
export const XCircleIcon = (p: IconProps) => <Icon {...p}><path d="M14.25 8a6.25 6.25 0 1 1-12.5 0 6.25 6.25 0 0 1 12.5 0ZM5.75 5.75l4.5 4.5m0-4.5-4.5 4.5" /></Icon>;
export const HelpIcon = (p: IconProps) => <Icon {...p}><path d="M14.25 8a6.25 6.25 0 1 1-12.5 0 6.25 6.25 0 0 1 12.5 0ZM6.25 6.25a1.75 1.75 0 1 1 2.5 1.6c-.45.2-.75.6-.75 1.1v.3M8 11.5h.01" /></Icon>;
export const CopyIcon = (p: IconProps) => <Icon {...p}><path d="M6.75 5.25h5a1.5 1.5 0 0 1 1.5 1.5v5a1.5 1.5 0 0 1-1.5 1.5h-5a1.5 1.5 0 0 1-1.5-1.5v-5a1.5 1.5 0 0 1 1.5-1.5ZM10.75 5.25V3.5a1 1 0 0 0-1-1h-6.25a1 1 0 0 0-1 1v6.25a1 1 0 0 0 1 1h1.75" /></Icon>;
export const CheckIcon = (p: IconProps) => <Icon {...p}><path d="m3.5 8.5 3 3 6-7" /></Icon>;
export const LinkIcon = (p: IconProps) => <Icon {...p}><path d="M6.75 9.25a2.75 2.75 0 0 0 3.9 0l2-2a2.75 2.75 0 0 0-3.9-3.9l-.6.6M9.25 6.75a2.75 2.75 0 0 0-3.9 0l-2 2a2.75 2.75 0 0 0 3.9 3.9l.6-.6" /></Icon>;
export const SnowflakeIcon = (p: IconProps) => <Icon {...p}><path d="M8 1.75v12.5M2.6 4.9l10.8 6.2M2.6 11.1l10.8-6.2M6.5 2.9 8 4.25 9.5 2.9M6.5 13.1 8 11.75l1.5 1.35" /></Icon>;
export const PauseIcon = (p: IconProps) => <Icon {...p}><path d="M5.75 3.5v9M10.25 3.5v9" /></Icon>;
export const PlayIcon = (p: IconProps) => <Icon {...p}><path d="M5 3.25v9.5L12.5 8z" /></Icon>;
export const RefreshIcon = (p: IconProps) => <Icon {...p}><path d="M13.25 8a5.25 5.25 0 1 1-1.55-3.7M13.25 2.75v2.5h-2.5" /></Icon>;
export const SunIcon = (p: IconProps) => <Icon {...p}><path d="M10.75 8a2.75 2.75 0 1 1-5.5 0 2.75 2.75 0 0 1 5.5 0ZM8 1.5v1.25M8 13.25v1.25M1.5 8h1.25M13.25 8h1.25M3.4 3.4l.9.9M11.7 11.7l.9.9M3.4 12.6l.9-.9M11.7 4.3l.9-.9" /></Icon>;
export const MoonIcon = (p: IconProps) => <Icon {...p}><path d="M13.25 9.5A5.5 5.5 0 0 1 6.5 2.75a5.5 5.5 0 1 0 6.75 6.75z" /></Icon>;
export const MonitorIcon = (p: IconProps) => <Icon {...p}><path d="M3 2.5h10a1.25 1.25 0 0 1 1.25 1.25v6a1.25 1.25 0 0 1-1.25 1.25H3a1.25 1.25 0 0 1-1.25-1.25v-6A1.25 1.25 0 0 1 3 2.5ZM5.5 13.75h5M8 11v2.75" /></Icon>;
export const CloseIcon = (p: IconProps) => <Icon {...p}><path d="m4 4 8 8m0-8-8 8" /></Icon>;
export const AlertIcon = (p: IconProps) => <Icon {...p}><path d="M8 1.9 14.6 13.5H1.4z" /><path d="M8 6.25V9M8 11.25h.01" /></Icon>;
export const ArrowUpIcon = (p: IconProps) => <Icon {...p}><path d="M8 13V3M3.75 7.25 8 3l4.25 4.25" /></Icon>;
export const FilterIcon = (p: IconProps) => <Icon {...p}><path d="M2 3h12l-4.5 5.5v4l-3 1.5V8.5z" /></Icon>;
