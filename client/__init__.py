"""Site side: anonymization, labeling, local training, the Flower ClientApp.

Imports `common` only; never `server` or `sim` (a hospital installs no simulator paths).
"""
