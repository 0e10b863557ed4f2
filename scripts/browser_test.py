"""Drives the AutoDQM query form in headless Chromium; see scripts/browser-test."""
import json
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service as DriverService
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import Select, WebDriverWait

base, truth_file, shots = sys.argv[1], sys.argv[2], sys.argv[3]
SUBSYSTEM, DATA_RUN, REF_RUNS = "CSC", 315705, ["315000", "315100"]

truth = json.load(open(truth_file))
data = next(run for run in truth["runs"] if run["run"] == DATA_RUN)
expected = sorted(a["path"] for a in data["anomalies"] if a["path"].startswith(SUBSYSTEM + "/"))

options = webdriver.ChromeOptions()
for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900", "--hide-scrollbars"]:
    options.add_argument(flag)
options.binary_location = "/usr/bin/chromium"
browser = webdriver.Chrome(options=options, service=DriverService("/usr/bin/chromedriver"))
wait = WebDriverWait(browser, 60)
try:
    browser.get(base + "/")
    Select(browser.find_element(By.ID, "subsystem")).select_by_visible_text(SUBSYSTEM)
    # The pickers fill from the API as the fields are typed into.
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "#series-list option"))
    for field, value in [("series", "Run2018"), ("sample", "ZeroBias")]:
        element = browser.find_element(By.ID, field)
        element.send_keys(value)
        browser.execute_script("arguments[0].dispatchEvent(new Event('change'))", element)
    wait.until(lambda b: len(b.find_elements(By.CSS_SELECTOR, "#ref option")) >= 4)
    browser.find_element(By.ID, "run").send_keys(str(DATA_RUN))
    browser.find_element(By.ID, "ref-filter").send_keys("3151")
    # Selenium deems every option of a visible <select> displayed, so ask the page.
    visible = browser.execute_script(
        "return Array.from(document.querySelectorAll('#ref option')).filter(o => !o.hidden).map(o => o.value)")
    assert visible == ["315100"], f"typing-to-filter left {visible}"
    browser.find_element(By.ID, "ref-filter").clear()
    browser.execute_script("document.getElementById('ref-filter').dispatchEvent(new Event('input'))")
    refs = Select(browser.find_element(By.ID, "ref"))
    for run in REF_RUNS:
        refs.select_by_value(run)
    browser.save_screenshot(f"{shots}/app-form.png")
    browser.find_element(By.ID, "compare").click()

    # The job page (if the result is not there yet) turns into the plot page.
    wait.until(ready.presence_of_element_located((By.ID, "plots")))
    expected_url = f"/plots/Offline/{SUBSYSTEM}/Run2018/ZeroBias/{'_'.join(REF_RUNS)}/Run2018/ZeroBias/{DATA_RUN}"
    assert browser.current_url.endswith(expected_url), browser.current_url
    shown = browser.find_elements(By.CSS_SELECTOR, ".plot:not([hidden])")
    flagged = sorted(s.get_attribute("data-path") for s in shown if s.get_attribute("data-status") == "flagged")
    assert flagged == expected, f"flagged {flagged}, truth {expected}"
    statuses = [s.get_attribute("data-status") for s in shown]
    assert statuses[: len(expected)] == ["flagged"] * len(expected), "outliers are not listed first"
    time.sleep(1)  # lazy plot images
    browser.save_screenshot(f"{shots}/app-plots.png")

    # Filter box and "show all".
    browser.find_element(By.ID, "show-all").click()
    everything = len(browser.find_elements(By.CSS_SELECTOR, ".plot:not([hidden])"))
    browser.find_element(By.ID, "plot-filter").send_keys("hOccupancy")
    filtered = browser.find_elements(By.CSS_SELECTOR, ".plot:not([hidden])")
    assert everything >= len(shown) and filtered and all("hOccupancy" in s.get_attribute("data-path") for s in filtered)
    browser.save_screenshot(f"{shots}/app-plots-filtered.png")
    print(f"ok: {len(expected)} outliers listed first, {everything} histograms in all; screenshots in {shots}")
finally:
    browser.quit()
