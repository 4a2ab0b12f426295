// Renderer entry: mounts the Svelte app.
import { mount } from 'svelte'

import App from './App.svelte'
import './styles/app.css'
import './styles/annotations.css'

const target = document.getElementById('app')
if (!target) throw new Error('index.html has no #app element')

export default mount(App, { target })
