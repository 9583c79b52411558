// The web app turns on Remix's single fetch; the screens' loader types follow it here too.
import '@remix-run/node'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}
