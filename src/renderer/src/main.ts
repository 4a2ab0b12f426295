// Renderer entry: mounts the Svelte app, with the OS theme set first (the reading settings, once
// loaded, may choose another).
import { mount } from 'svelte'

import App from './App.svelte'
import { applyTheme } from './lib/reading-settings.svelte'
import './styles/fonts.css'
import './styles/app.css'
import './styles/annotations.css'

applyTheme('system')

const target = document.getElementById('app')
if (!target) throw new Error('index.html has no #app element')

export default mount(App, { target })
